using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace PassBroker.Http.OpenApi;

public static class OpenApiExtensions
{
    public const string DocumentName = "v1";

    /// <summary>The path the DevHost serves the document at (<c>MapOpenApi</c>'s default pattern).</summary>
    public const string DocumentPath = "/openapi/" + DocumentName + ".json";

    /// <summary>
    /// The OpenAPI 3.1 document of PassBroker's API (<c>/api/*</c>; the second-screen pages are HTML for people, not
    /// API), built from the routes' metadata: typed results give the response schemas, <see cref="EndpointDocs"/> the
    /// bodies, credentials and Problem Details codes, <see cref="DocumentConventions"/> what a linter expects besides. Its
    /// one server is relative, so the document is the same wherever it is served and the checked-in copy
    /// (<c>docs/openapi.json</c>) can be compared with it.
    /// </summary>
    public static IServiceCollection AddPassBrokerOpenApi(this IServiceCollection services) => services.AddOpenApi(DocumentName, options =>
    {
        options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "PassBroker",
                Version = "v1",
                Description = "Programmer Service for Adobe Pass Authentication (REST API V2). Errors are RFC 9457 Problem Details "
                    + "with a stable `code` (and `type` = `urn:passbroker:problem:<code>`); each response lists its codes in `x-problem-codes`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [EndpointDocs.DeviceToken] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The deviceToken POST /api/devices returned.",
                },
                [EndpointDocs.AdminKey] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The operators' key: the secret named by Admin:ApiKeySecret (admin-api-key by default). A device token is refused with 403 device_token_not_allowed.",
                },
            };
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Every PassBroker problem carries its stable code; the framework's ProblemDetails schema does not know it.
            if (context.JsonTypeInfo.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))
            {
                schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                schema.Properties["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The stable error code (see each response's x-problem-codes); type is urn:passbroker:problem:<code>.",
                };
            }
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            foreach (var status in metadata.OfType<ProblemCodesMetadata>().GroupBy(m => m.Status))
            {
                var codes = status.SelectMany(m => m.Codes).Distinct().Order(StringComparer.Ordinal).ToList();
                if (operation.Responses?.GetValueOrDefault(status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture)) is OpenApiResponse response)
                {
                    response.Description = "Problem Details; `code` is one of: " + string.Join(", ", codes.Select(c => $"`{c}`"));
                    response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                    response.Extensions["x-problem-codes"] = new JsonNodeExtension(new JsonArray([.. codes.Select(c => JsonValue.Create(c))]));
                    AddResponseHeaders(status.Key, response);
                }
            }
            if (metadata.OfType<SecuritySchemeMetadata>().LastOrDefault() is { } security)
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(security.Scheme, context.Document)] = [] }];
                if (security.Optional)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement());
                }
            }
            return Task.CompletedTask;
        });
        options.AddPassBrokerDocumentConventions();
    });

    /// <summary>The headers a client acts on (<see cref="Problems.ProblemResults"/> writes them): a 401's challenge, and
    /// how long to wait before trying again.</summary>
    private static void AddResponseHeaders(int status, OpenApiResponse response)
    {
        (string Name, OpenApiHeader Header)? header = status switch
        {
            401 => ("WWW-Authenticate", new OpenApiHeader
            {
                Required = true,
                Description = "RFC 6750 bearer challenge: `Bearer realm=\"devices\"` (or `\"admin\"`), with `error=\"invalid_token\"` when a credential was sent and refused.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            }),
            429 or 503 or 504 => ("Retry-After", new OpenApiHeader
            {
                Description = "Whole seconds to wait before trying again, when the wait is known.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
            }),
            _ => null,
        };
        if (header is { } add)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[add.Name] = add.Header;
        }
    }
}
