using System.Text.Json.Nodes;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Testing.EndToEnd.Contract;

/// <summary>
/// What Adobe's pages say about an endpoint beyond the header table, where the OpenAPI document is silent or says
/// otherwise (docs/adobe-pass-conformance.md): extra statuses, error bodies, query and form parameters.
/// </summary>
internal static class PageRules
{
    private const string Reset = "/reset-tempass/";

    /// <summary>Statuses the page lists and the OpenAPI does not (or, for the reset API, which has no OpenAPI at all).</summary>
    public static bool ListsStatus(EndpointHeaders row, int status) => row switch
    {
        { Api: AdobeApi.Dcr } => status is 201 or 400,
        { Api: AdobeApi.TempPassReset } => status is 204 or 400 or 401 or 403,
        // "The temporary access TTL is expired or maximum number of resources is exceeded" (profiles for an MVPD, for a code).
        _ when row.Route.Contains("/profiles/", StringComparison.Ordinal) => status == 403,
        _ => false,
    };

    /// <summary>The body schema of an error status the OpenAPI gives none for.</summary>
    public static JsonNode? ErrorSchema(EndpointHeaders row, int status) => row.Api switch
    {
        // DCR's OAuth-style errors: the register and token pages list their codes.
        AdobeApi.Dcr when status == 400 => JsonNode.Parse("""
            {"type":"object","required":["error"],"additionalProperties":false,"properties":{"error":{"enum":
            ["invalid_request","invalid_redirect_uri","invalid_software_statement","unapproved_software_statement",
             "invalid_client","unauthorized_client","unsupported_grant_type"]}}}
            """),
        _ when status >= 400 => new JsonObject { ["$ref"] = "#/components/schemas/ErrorInformation" },
        _ => null,
    };

    /// <summary>
    /// The query parameters the page documents, with whether each is required, where it differs from the OpenAPI: logout's
    /// <c>redirectUrl</c> is required on the page; the token call's credentials are form fields on the page (query
    /// parameters in the OpenAPI); the reset API has no OpenAPI. Null: take the OpenAPI's.
    /// </summary>
    public static IReadOnlyDictionary<string, bool>? QueryParameters(EndpointHeaders row) => row switch
    {
        { Route: "/o/client/token" } => new Dictionary<string, bool>(),
        _ when row.Route.EndsWith("/logout/{mvpd}", StringComparison.Ordinal) => new Dictionary<string, bool> { ["redirectUrl"] = true },
        _ when row.Route.StartsWith(Reset, StringComparison.Ordinal) && row.Route.EndsWith("/generic", StringComparison.Ordinal) =>
            new Dictionary<string, bool> { ["requestor_id"] = true, ["mvpd_id"] = true, ["key"] = false, ["environment"] = false },
        _ when row.Route.StartsWith(Reset, StringComparison.Ordinal) => new Dictionary<string, bool>
        {
            ["requestor_id"] = true, ["mvpd_id"] = true, ["device_id"] = false, ["appId"] = false, ["deviceUser"] = false, ["environment"] = false,
        },
        _ => null,
    };

    /// <summary>The form body's schema where the OpenAPI has none: the token page's three required fields.</summary>
    public static JsonNode? FormSchema(EndpointHeaders row) => row.Route == "/o/client/token"
        ? JsonNode.Parse("""
            {"type":"object","required":["client_id","client_secret","grant_type"],"additionalProperties":false,"properties":{
             "client_id":{"type":"string","minLength":1},"client_secret":{"type":"string","minLength":1},"grant_type":{"const":"client_credentials"}}}
            """)
        : null;

    /// <summary>
    /// The pages that list <c>AP-TempPass-Identity</c> at all: profiles for an MVPD or a code and authorize ([DOC]),
    /// preauthorize ([SPEC] only). Anywhere else it is an undocumented header, which the checklist says not to send.
    /// </summary>
    public static bool ListsTempPassIdentity(EndpointHeaders row) =>
        row.Route.EndsWith("/profiles/{mvpd}", StringComparison.Ordinal)
        || row.Route.EndsWith("/profiles/code/{code}", StringComparison.Ordinal)
        || row.Route.Contains("/decisions/", StringComparison.Ordinal);

    /// <summary>The calls on which a promotional TempPass needs <c>AP-TempPass-Identity</c> (adobe-pass-v2.md sections 2.5, 6.2).</summary>
    public static bool NeedsTempPassIdentity(EndpointHeaders row) =>
        row.Route.EndsWith("/profiles/{mvpd}", StringComparison.Ordinal) || row.Route.EndsWith("/decisions/authorize/{mvpd}", StringComparison.Ordinal);
}
