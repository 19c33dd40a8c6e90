using PassBroker.Core.Devices;

namespace PassBroker.Http.Devices;

/// <summary>Body of <c>POST /api/devices</c>: the device's stable id, its X-Device-Info fields and, optionally, its brand.</summary>
/// <param name="DeviceId">The device's stable id.</param>
/// <param name="DeviceInfo">Adobe's X-Device-Info fields.</param>
/// <param name="Brand">The public id of the brand (app) the device registers for; absent: the default brand (on a
/// re-registration: the device's own).</param>
public sealed record RegisterDeviceRequest(string? DeviceId, DeviceInfo? DeviceInfo, string? Brand = null);
