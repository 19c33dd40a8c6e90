using System.Net;
using System.Net.Http.Headers;

namespace PassBroker.AdobePass.Handlers;

/// <summary>
/// Adds the device's DCR access token. On a 401 it refreshes the token once and sends the request again, as Adobe's
/// checklist says ("on 401, refresh first and then retry"); a second 401 goes back to the caller.
/// </summary>
internal sealed class BearerTokenHandler(AccessTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (UpstreamCall.Of(request) is not { } call || !call.Headers.HasFlag(UpstreamHeaders.Bearer))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await tokens.GetTokenAsync(call.Device, rejected: null, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var fresh = await tokens.GetTokenAsync(call.Device, rejected: token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
