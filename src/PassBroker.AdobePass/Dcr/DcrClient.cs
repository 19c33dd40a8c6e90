using PassBroker.AdobePass.Brands;
using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Errors;
using PassBroker.AdobePass.Handlers;
using PassBroker.Core.Devices;
using PassBroker.Core.Secrets;

namespace PassBroker.AdobePass.Dcr;

/// <summary>DCR register and token calls, mapped to Core's types, with failures translated at this boundary.</summary>
internal sealed class DcrClient(IDcrApi api, ISecretStore secrets, BrandedAdobePassOptions options, TimeProvider time)
{
    /// <summary>Registers a client with the software statement of the device's brand: the client belongs to that brand's app.</summary>
    /// <param name="device">The device (or PassBroker's management identity) the client is for.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<ClientCredentials> RegisterAsync(DeviceContext device, CancellationToken cancellationToken)
    {
        var brand = options.For(device.Brand);
        var statement = await secrets.RequireAsync(brand.SoftwareStatementSecret, cancellationToken);
        return await UpstreamErrorTranslator.CallAsync(async () =>
        {
            var request = new ClientRegistrationRequest(statement, brand.DcrRedirectUri);
            var app = await api.RegisterAsync(request, new UpstreamCall(device, UpstreamHeaders.Dcr), cancellationToken);
            return app is { ClientId: { Length: > 0 } id, ClientSecret: { Length: > 0 } secret }
                ? new ClientCredentials(id, secret)
                : throw UpstreamErrorTranslator.Malformed("DCR registration returned no client credentials.");
        });
    }

    public Task<AccessToken> RequestTokenAsync(DeviceContext device, ClientCredentials credentials, CancellationToken cancellationToken) =>
        UpstreamErrorTranslator.CallAsync(async () =>
        {
            var form = new Dictionary<string, string>
            {
                ["client_id"] = credentials.ClientId,
                ["client_secret"] = credentials.ClientSecret,
                ["grant_type"] = "client_credentials",
            };
            var requestedAt = time.GetUtcNow();
            var response = await api.RequestTokenAsync(form, new UpstreamCall(device, UpstreamHeaders.Dcr), cancellationToken);
            // expires_in counts from when Adobe issued the token; counting from the request errs on the safe side.
            return response is { AccessToken: { Length: > 0 } token, ExpiresIn: > 0 and var seconds }
                ? new AccessToken(token, requestedAt.AddSeconds(seconds))
                : throw UpstreamErrorTranslator.Malformed("DCR token response had no access_token or expires_in.");
        });
}
