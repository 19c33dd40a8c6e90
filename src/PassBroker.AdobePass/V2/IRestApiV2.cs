using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Handlers;
using Refit;

namespace PassBroker.AdobePass.V2;

/// <summary>
/// Adobe Pass REST API V2 (<c>rest-api-v2.openapi.json</c>), relative to the Adobe Pass host. Which device headers each
/// call carries is decided by the caller's <see cref="UpstreamCall"/>, following Adobe's API pages per operation
/// (docs/adobe-pass-conformance.md lists where they differ from the OpenAPI).
/// </summary>
[Headers("Accept: application/json;charset=utf-8")]
public interface IRestApiV2
{
    [Get("/api/v2/{serviceProvider}/configuration")]
    Task<ConfigurationResponse> GetConfigurationAsync(
        string serviceProvider, [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Post("/api/v2/{serviceProvider}/sessions")]
    Task<SessionResponse> CreateSessionAsync(
        string serviceProvider,
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call,
        CancellationToken cancellationToken);

    [Post("/api/v2/{serviceProvider}/sessions/{code}")]
    Task<SessionResponse> ResumeSessionAsync(
        string serviceProvider,
        string code,
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call,
        CancellationToken cancellationToken);

    [Get("/api/v2/{serviceProvider}/sessions/{code}")]
    Task<SessionStatusResponse> GetSessionAsync(
        string serviceProvider, string code, [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Get("/api/v2/{serviceProvider}/profiles")]
    Task<ProfilesResponse> GetProfilesAsync(
        string serviceProvider, [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Get("/api/v2/{serviceProvider}/profiles/{mvpd}")]
    Task<ProfilesResponse> GetProfilesForMvpdAsync(
        string serviceProvider, string mvpd, [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Get("/api/v2/{serviceProvider}/profiles/code/{code}")]
    Task<ProfilesResponse> GetProfilesForCodeAsync(
        string serviceProvider, string code, [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Post("/api/v2/{serviceProvider}/decisions/preauthorize/{mvpd}")]
    Task<DecisionsResponse> PreauthorizeAsync(
        string serviceProvider, string mvpd, [Body] DecisionsRequest request,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Post("/api/v2/{serviceProvider}/decisions/authorize/{mvpd}")]
    Task<DecisionsResponse> AuthorizeAsync(
        string serviceProvider, string mvpd, [Body] DecisionsRequest request,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);

    [Get("/api/v2/{serviceProvider}/logout/{mvpd}")]
    Task<LogoutResponse> LogoutAsync(
        string serviceProvider, string mvpd, [Query] string? redirectUrl,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call, CancellationToken cancellationToken);
}
