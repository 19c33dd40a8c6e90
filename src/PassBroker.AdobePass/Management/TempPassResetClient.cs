using System.Net;
using PassBroker.AdobePass.Brands;
using PassBroker.AdobePass.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Management;

/// <summary>Calls the reset API with the brand's management token and service provider, once more with a fresh token after a 401.</summary>
internal sealed class TempPassResetClient(ITempPassResetApi api, ManagementTokenProvider tokens, BrandedAdobePassOptions options)
{
    public async Task<int> ResetAsync(TempPassReset reset, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(reset.Brand, null, cancellationToken);
        using var first = await SendAsync(reset, token, cancellationToken);
        if (first.StatusCode != HttpStatusCode.Unauthorized)
        {
            return await ResultAsync(first, cancellationToken);
        }
        using var second = await SendAsync(reset, await tokens.GetAsync(reset.Brand, token, cancellationToken), cancellationToken);
        return await ResultAsync(second, cancellationToken);
    }

    private Task<HttpResponseMessage> SendAsync(TempPassReset reset, string token, CancellationToken cancellationToken)
    {
        var brand = options.For(reset.Brand);
        var (version, sp, bearer) = (brand.TempPassResetVersion, brand.ServiceProvider, "Bearer " + token);
        return UpstreamErrorTranslator.CallAsync(() => reset.ByKey
            ? api.ResetKeysAsync(version, sp, reset.Mvpd, reset.Key, bearer, cancellationToken)
            : api.ResetDevicesAsync(version, sp, reset.Mvpd, reset.DeviceId, bearer, cancellationToken));
    }

    private static async Task<int> ResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return (int)response.StatusCode;
        }
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw UpstreamErrorTranslator.FromResponse(response.StatusCode, body, response.Headers.RetryAfter);
    }
}
