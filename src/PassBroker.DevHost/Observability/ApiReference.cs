using PassBroker.Http.OpenApi;
using Scalar.AspNetCore;

namespace PassBroker.DevHost.Observability;

/// <summary>
/// The DevHost serves PassBroker's OpenAPI document and an interactive reference (Scalar, its script served from the
/// package itself: no CDN, no web fonts, no telemetry), for app developers building against a local PassBroker.
/// DevHost only: these are not routes of <c>PassBroker.Http.Routes</c>, and the Functions app does not serve them.
/// </summary>
/// <remarks>
/// The page runs under its own Content-Security-Policy (<see cref="ContentSecurityPolicy"/>): its scripts only from
/// here, the inline one by a fresh nonce, and connections only to this origin. Whatever would send the document to
/// Scalar's services is off: the developer toolbar (share, deploy, SDK generation), the API client button (it opens
/// client.scalar.com with the document's URL), the AI agent, MCP and telemetry.
/// </remarks>
public static class ApiReference
{
    public const string ReferencePath = "/docs";

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddPassBrokerOpenApi();
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(OpenApiExtensions.DocumentPath);
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.Title = "PassBroker API";
            options.OpenApiRoutePattern = OpenApiExtensions.DocumentPath;
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.Mcp = new ScalarMcpOptions { Disabled = true };
            // "Open API Client" opens client.scalar.com with this document's URL.
            options.HideClientButton = true;
            options.DynamicNonce = true;
        }).Add(endpoint =>
        {
            var next = endpoint.RequestDelegate!;
            endpoint.RequestDelegate = context =>
            {
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers.ContentSecurityPolicy =
                        ContentSecurityPolicy(context.Items[ScalarOptions.NonceHttpContextItemKey] as string);
                    return Task.CompletedTask;
                });
                return next(context);
            };
        });
        return app;
    }

    /// <summary>The reference page's policy; <paramref name="nonce"/> is the one Scalar put on its script tags.</summary>
    /// <remarks>
    /// Styles may be inline: Scalar's components set <c>style</c> elements and attributes as they render, with no nonce
    /// to give them. Styles run no code, and what the page renders is PassBroker's own document; scripts stay strict.
    /// </remarks>
    internal static string ContentSecurityPolicy(string? nonce)
    {
        var script = nonce is null ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'none'; script-src {script}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }
}
