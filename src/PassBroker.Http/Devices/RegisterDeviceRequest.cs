using PassBroker.Core.Devices;

namespace PassBroker.Http.Devices;

/// <summary>Body of <c>POST /api/devices</c>: the device's stable id and its X-Device-Info fields.</summary>
public sealed record RegisterDeviceRequest(string? DeviceId, DeviceInfo? DeviceInfo);
