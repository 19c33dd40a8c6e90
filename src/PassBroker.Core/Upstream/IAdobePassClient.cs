using PassBroker.Core.Devices;

namespace PassBroker.Core.Upstream;

/// <summary>
/// Adobe Pass REST API V2 and DCR, as PassBroker's use cases need them. Every call is made on behalf of one device;
/// the adapter adds exactly the headers Adobe documents for each endpoint and the device's bearer token.
/// Failures arrive as <see cref="AdobePassException"/>.
/// </summary>
public interface IAdobePassClient
{
    /// <summary>DCR <c>POST /o/client/register</c>: a new client for the device. Call once per device, ever.</summary>
    Task<ClientCredentials> RegisterClientAsync(DeviceContext device, CancellationToken cancellationToken);

    /// <summary>DCR <c>POST /o/client/token</c>: a bearer token for the device's client.</summary>
    Task<AccessToken> RequestAccessTokenAsync(DeviceContext device, ClientCredentials credentials, CancellationToken cancellationToken);

    /// <summary><c>GET /configuration</c>: the MVPDs integrated with the service provider, for the device's platform.</summary>
    Task<IReadOnlyList<Mvpd>> GetMvpdsAsync(DeviceContext device, CancellationToken cancellationToken);

    /// <summary><c>POST /sessions</c>: starts an authentication session.</summary>
    Task<UpstreamSession> CreateSessionAsync(DeviceContext device, SessionParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>POST /sessions/{code}</c>: supplies parameters the session still misses.</summary>
    Task<UpstreamSession> ResumeSessionAsync(DeviceContext device, string code, SessionParameters parameters, CancellationToken cancellationToken);

    /// <summary><c>GET /sessions/{code}</c>: what a session has and misses (not whether login finished).</summary>
    Task<UpstreamSessionInfo> GetSessionAsync(DeviceContext device, string code, CancellationToken cancellationToken);

    /// <summary><c>GET /profiles</c>: every valid profile of the device.</summary>
    Task<IReadOnlyList<Profile>> GetProfilesAsync(DeviceContext device, CancellationToken cancellationToken);

    /// <summary><c>GET /profiles/{mvpd}</c>.</summary>
    Task<IReadOnlyList<Profile>> GetProfilesForMvpdAsync(DeviceContext device, string mvpd, CancellationToken cancellationToken);

    /// <summary><c>GET /profiles/code/{code}</c>: the polling endpoint; empty until the user has signed in.</summary>
    Task<IReadOnlyList<Profile>> GetProfilesForCodeAsync(DeviceContext device, string code, CancellationToken cancellationToken);

    /// <summary><c>POST /decisions/preauthorize/{mvpd}</c>: informative decisions, one per resource, in request order.</summary>
    Task<IReadOnlyList<Decision>> PreauthorizeAsync(DeviceContext device, string mvpd, IReadOnlyList<string> resources, CancellationToken cancellationToken);

    /// <summary><c>POST /decisions/authorize/{mvpd}</c>: the authoritative decision for one resource, with a media token on permit.</summary>
    Task<Decision> AuthorizeAsync(DeviceContext device, string mvpd, string resource, CancellationToken cancellationToken);

    /// <summary><c>GET /logout/{mvpd}</c>: deletes the device's profile(s) and says what the app must do next.</summary>
    Task<IReadOnlyList<LogoutAction>> LogoutAsync(DeviceContext device, string mvpd, string? redirectUrl, CancellationToken cancellationToken);

    /// <summary>Adobe's Temp Pass reset, with PassBroker's own management credentials (never a device's).</summary>
    /// <returns>Adobe's HTTP status (204 when done); a refusal is an <see cref="AdobePassException"/>.</returns>
    Task<int> ResetTempPassAsync(TempPassReset reset, CancellationToken cancellationToken);
}
