namespace PassBroker.AdobePass.Handlers;

/// <summary>Which per-device headers one upstream call carries. Adobe says to send only the documented headers
/// (extra ones risk a 400), and the endpoints differ, so each Refit method states its own set.</summary>
[Flags]
public enum UpstreamHeaders
{
    None = 0,
    Bearer = 1,
    DeviceIdentifier = 2,
    DeviceInfo = 4,
    ForwardedFor = 8,

    /// <summary>DCR calls: device info and IP, no token.</summary>
    Dcr = DeviceInfo | ForwardedFor,

    /// <summary>Calls that need only the token (code-based calls usable from a second screen).</summary>
    TokenOnly = Bearer | ForwardedFor,

    /// <summary>Calls made for the device itself.</summary>
    Device = Bearer | DeviceIdentifier | DeviceInfo | ForwardedFor,
}
