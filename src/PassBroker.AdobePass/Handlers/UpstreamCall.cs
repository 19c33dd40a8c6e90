using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Handlers;

/// <summary>
/// Rides on each upstream request (Refit <c>[Property]</c> → <c>HttpRequestMessage.Options</c>) to tell the handlers
/// whose call it is and which headers it carries.
/// </summary>
public sealed record UpstreamCall(DeviceContext Device, UpstreamHeaders Headers)
{
    public const string PropertyKey = "PassBroker.UpstreamCall";

    public static readonly HttpRequestOptionsKey<UpstreamCall> OptionsKey = new(PropertyKey);

    public static UpstreamCall? Of(HttpRequestMessage request) =>
        request.Options.TryGetValue(OptionsKey, out var call) ? call : null;
}
