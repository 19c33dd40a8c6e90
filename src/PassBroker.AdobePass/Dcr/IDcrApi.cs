using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Handlers;
using Refit;

namespace PassBroker.AdobePass.Dcr;

/// <summary>Adobe's DCR API (<c>dcr-api.openapi.json</c>), relative to the Adobe Pass host.</summary>
public interface IDcrApi
{
    [Post("/o/client/register")]
    [Headers("Accept: application/json")]
    Task<ClientApplication> RegisterAsync(
        [Body] ClientRegistrationRequest request,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call,
        CancellationToken cancellationToken);

    /// <summary>
    /// The spec models the credentials as query parameters; Adobe's pages and samples send them as a form body.
    /// PassBroker sends the form body: a client secret in a URL ends up in every proxy's access log.
    /// </summary>
    [Post("/o/client/token")]
    [Headers("Accept: application/json")]
    Task<ClientRegistrationAccessTokenResponse> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        [Property(UpstreamCall.PropertyKey)] UpstreamCall call,
        CancellationToken cancellationToken);
}
