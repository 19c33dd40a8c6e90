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
                Set(request, AdobeHeaders.DeviceIdentifier, DeviceIdentifierHeader.Encode(device.DeviceId));
            }
            if (call.Headers.HasFlag(UpstreamHeaders.DeviceInfo))
            {
                // The device's IP and port come from its connection, whatever the app put in its device info.
                Set(request, AdobeHeaders.DeviceInfo, DeviceInfoHeader.Encode(device.Info.WithConnection(device.Client)));
            }
            if (call.Headers.HasFlag(UpstreamHeaders.ForwardedFor))
            {
                Set(request, AdobeHeaders.ForwardedFor, ForwardedForHeader.Encode(device.Client));
            }
            // Core sets the identity only on calls about the promotional Temp Pass MVPD.
            if (call.Headers.HasFlag(UpstreamHeaders.DeviceIdentifier) && device.TempPassIdentity is { } identity)
            {
                Set(request, AdobeHeaders.TempPassIdentity, TempPassIdentityHeader.Encode(identity));
            }
        }
        return base.SendAsync(request, cancellationToken);
    }

    // Replaces rather than adds: the resilience pipeline sends the same request again on a retry.
    private static void Set(HttpRequestMessage request, string name, string value)
    {
        request.Headers.Remove(name);
        request.Headers.TryAddWithoutValidation(name, value);
    }
}
