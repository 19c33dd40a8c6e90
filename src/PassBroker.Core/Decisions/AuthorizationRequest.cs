using PassBroker.Core.Devices;

namespace PassBroker.Core.Decisions;

/// <summary>What a business rule sees of a play request: the device, the MVPD and the resource.</summary>
public sealed record AuthorizationRequest(DeviceRecord Device, DeviceContext Context, string Mvpd, string Resource);
