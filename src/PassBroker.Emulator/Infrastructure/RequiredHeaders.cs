using static PassBroker.Emulator.Infrastructure.AdobeHeaders;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// The one table of the request headers Adobe's pages mark <i>required</i>, per endpoint the emulator serves. The
/// emulator enforces it on every route (<see cref="RequiredHeadersMiddleware"/>) and the contract test checks
/// PassBroker's upstream calls against it. Where a page and the OpenAPI document disagree the page wins, as
/// docs/adobe-pass-conformance.md records (e.g. the configuration call, whose OpenAPI lists only Authorization).
/// </summary>
/// <remarks>
/// <c>X-Forwarded-For</c> is <i>optional</i> on every REST API V2 page and absent from the DCR and reset pages, so it is
/// not here; PassBroker sends it by its own server-to-server rule. <c>AP-TempPass-Identity</c> is <i>optional</i> on
/// every page that lists it and needed only for a promotional TempPass MVPD, which the TempPass code checks.
/// </remarks>
public static class RequiredHeaders
{
    public const string Form = "application/x-www-form-urlencoded";
    public const string Json = "application/json";

    // Pages in AdobeDocs/pass.en under help/authentication/integration-guide-programmers/.
    private const string V2 = "rest-apis/rest-api-v2/apis/";
    private const string Dcr = "rest-apis/rest-api-dcr/apis/dynamic-client-registration-apis-";
    private const string Reset = "features-premium/temporary-access/reset-temp-pass.md";

    // v2.1 is retired: its last English text is the history of temporary-access/temp-pass.md ("Reset all Temp Passes"),
    // whose example sends the same Bearer token as v3.
    private const string ResetV21 = "features-premium/temporary-access/temp-pass.md (history: v2.1 example)";

    private static readonly string[] Device = [Authorization, DeviceIdentifier, DeviceInfo];
    private static readonly string[] DeviceWithBody = [Authorization, ContentType, DeviceIdentifier, DeviceInfo];

    public static IReadOnlyList<EndpointHeaders> Endpoints { get; } =
    [
        new(AdobeApi.Dcr, "POST", "/o/client/register", [ContentType, DeviceInfo], Json, Dcr + "retrieve-client-credentials.md"),
        new(AdobeApi.Dcr, "POST", "/o/client/token", [ContentType, DeviceInfo], Form, Dcr + "retrieve-access-token.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/configuration", Device, null,
            V2 + "configuration-apis/rest-api-v2-configuration-apis-retrieve-configuration-for-specific-service-provider.md"),
        new(AdobeApi.RestApiV2, "POST", "/api/v2/{serviceProvider}/sessions", DeviceWithBody, Form,
            V2 + "sessions-apis/rest-api-v2-sessions-apis-create-authentication-session.md"),
        new(AdobeApi.RestApiV2, "POST", "/api/v2/{serviceProvider}/sessions/{code}", [Authorization, ContentType], Form,
            V2 + "sessions-apis/rest-api-v2-sessions-apis-resume-authentication-session.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/sessions/{code}", [Authorization], null,
            V2 + "sessions-apis/rest-api-v2-sessions-apis-retrieve-authentication-session-information-using-code.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/authenticate/{serviceProvider}/{code}", [], null,
            V2 + "sessions-apis/rest-api-v2-sessions-apis-perform-authentication-in-user-agent.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/profiles", Device, null,
            V2 + "profiles-apis/rest-api-v2-profiles-apis-retrieve-profiles.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/profiles/{mvpd}", Device, null,
            V2 + "profiles-apis/rest-api-v2-profiles-apis-retrieve-profile-for-specific-mvpd.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/profiles/code/{code}", [Authorization], null,
            V2 + "profiles-apis/rest-api-v2-profiles-apis-retrieve-profile-for-specific-code.md"),
        new(AdobeApi.RestApiV2, "POST", "/api/v2/{serviceProvider}/decisions/preauthorize/{mvpd}", DeviceWithBody, Json,
            V2 + "decisions-apis/rest-api-v2-decisions-apis-retrieve-preauthorization-decisions-using-specific-mvpd.md"),
        new(AdobeApi.RestApiV2, "POST", "/api/v2/{serviceProvider}/decisions/authorize/{mvpd}", DeviceWithBody, Json,
            V2 + "decisions-apis/rest-api-v2-decisions-apis-retrieve-authorization-decisions-using-specific-mvpd.md"),
        new(AdobeApi.RestApiV2, "GET", "/api/v2/{serviceProvider}/logout/{mvpd}", Device, null,
            V2 + "logout-apis/rest-api-v2-logout-apis-initiate-logout-for-specific-mvpd.md"),
        new(AdobeApi.TempPassReset, "DELETE", "/reset-tempass/v3/reset", [Authorization], null, Reset),
        new(AdobeApi.TempPassReset, "DELETE", "/reset-tempass/v3/reset/generic", [Authorization], null, Reset),
        new(AdobeApi.TempPassReset, "DELETE", "/reset-tempass/v2.1/reset", [Authorization], null, ResetV21),
        new(AdobeApi.TempPassReset, "DELETE", "/reset-tempass/v2.1/reset/generic", [Authorization], null, ResetV21),
    ];

    /// <summary>The row of an emulator route (its template, e.g. <c>/api/v2/{serviceProvider}/sessions</c>), or null.</summary>
    public static EndpointHeaders? ForRoute(string method, string route) =>
        Endpoints.FirstOrDefault(e => string.Equals(e.Method, method, StringComparison.OrdinalIgnoreCase)
            && string.Equals(e.Route, route, StringComparison.Ordinal));

    /// <summary>The row of a concrete request path (e.g. <c>/api/v2/REF30/sessions/ABC1234</c>), or null.</summary>
    public static EndpointHeaders? ForRequest(string method, string path) =>
        Endpoints.Where(e => e.Matches(method, path)).MaxBy(e => e.LiteralSegments);
}
