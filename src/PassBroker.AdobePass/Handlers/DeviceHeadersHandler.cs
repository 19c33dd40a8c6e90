using PassBroker.AdobePass.Headers;

namespace PassBroker.AdobePass.Handlers;

/// <summary>Adds <c>AP-Device-Identifier</c>, <c>X-Device-Info</c>, <c>X-Forwarded-For</c> as the call asks, and
/// <c>AP-TempPass-Identity</c> when the device context carries one.</summary>
internal sealed class DeviceHeadersHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (UpstreamCall.Of(request) is { } call)
        {
            var device = call.Device;
            if (call.Headers.HasFlag(UpstreamHeaders.DeviceIdentifier))
            {
                request.Headers.TryAddWithoutValidation(AdobeHeaders.DeviceIdentifier, DeviceIdentifierHeader.Encode(device.DeviceId));
            }
            if (call.Headers.HasFlag(UpstreamHeaders.DeviceInfo))
            {
                // The device's IP and port come from its connection, whatever the app put in its device info.
                request.Headers.TryAddWithoutValidation(AdobeHeaders.DeviceInfo, DeviceInfoHeader.Encode(device.Info.WithConnection(device.Client)));
            }
            if (call.Headers.HasFlag(UpstreamHeaders.ForwardedFor))
            {
                request.Headers.TryAddWithoutValidation(AdobeHeaders.ForwardedFor, ForwardedForHeader.Encode(device.Client));
            }
            // Core sets the identity only on calls about the promotional Temp Pass MVPD.
            if (call.Headers.HasFlag(UpstreamHeaders.DeviceIdentifier) && device.TempPassIdentity is { } identity)
            {
                request.Headers.TryAddWithoutValidation(AdobeHeaders.TempPassIdentity, TempPassIdentityHeader.Encode(identity));
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
