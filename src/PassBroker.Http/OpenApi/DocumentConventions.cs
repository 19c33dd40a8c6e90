using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PassBroker.Http.OpenApi;

/// <summary>
/// What a standard OpenAPI linter (Redocly's <c>recommended</c>, Spectral's <c>oas</c>; run by <c>npm run lint:openapi</c>)
/// expects of the document and the routes cannot say for themselves: a server, a description per tag, and an explicit
/// <c>security</c> on every operation, empty (<c>[{}]</c>) where no credential is taken, so "anonymous" is a stated
/// decision rather than an omission a reader could take for "inherits a global one".
/// </summary>
public static class DocumentConventions
{
    /// <summary>What each tag (<c>WithTags</c> on the routes) groups, for the reference page's sections.</summary>
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Devices"] = "Registering a device: the device token every other device route takes.",
        ["Mvpds"] = "The pay-TV providers the user may pick.",
        ["Authentication"] = "Signing in at the provider (a code, a second screen, a long poll) and signing out.",
        ["Profiles"] = "What Adobe knows of the signed-in user.",
        ["Decisions"] = "May this user watch this: preauthorize for the catalogue, authorize before every play.",
        ["TempPass"] = "Temp Pass and Promotional Temp Pass trials.",
        ["Admin"] = "Operators' routes (admin key): trial resets and re-sealing after a data-key rotation.",
        ["Health"] = "Readiness of PassBroker and its dependencies, for probes.",
    };

    public static OpenApiOptions AddPassBrokerDocumentConventions(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            // Relative: the API is wherever the document is served (a DevHost on any port, the Function App), so the
            // reference page's requests go to the right host and the checked-in copy is the same for every host.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document" }];
            foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            {
                if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description))
                {
                    tag.Description = description;
                }
            }
            return Task.CompletedTask;
        });
        // After the route's own credential is written (see OpenApiExtensions): only operations without one get [{}].
        options.AddOperationTransformer((operation, _, _) =>
        {
            if (operation.Security is null || operation.Security.Count == 0)
            {
                operation.Security = [new OpenApiSecurityRequirement()];
            }
            return Task.CompletedTask;
        });
        return options;
    }
}
