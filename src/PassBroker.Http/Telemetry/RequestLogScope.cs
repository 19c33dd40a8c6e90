using System.Collections;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Telemetry;

namespace PassBroker.Http.Telemetry;

/// <summary>
/// The log scope of one request. It opens before the device is known (authentication happens when the handler's parameters are bound), so
/// it is a mutable holder: every line logged after <see cref="SetDevice"/> carries <c>DeviceKey</c>, the hash PassBroker
/// names devices by (never the device id or its token). The trace and span ids come from the logging builder's
/// <c>ActivityTrackingOptions</c>.
/// </summary>
public sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string DeviceKeyName = "DeviceKey";

    public string? DeviceKey { get; private set; }

    public int Count => DeviceKey is null ? 0 : 1;

    public KeyValuePair<string, object?> this[int index] => index == 0 && DeviceKey is not null
        ? new(DeviceKeyName, DeviceKey)
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Opens the request's scope on <paramref name="logger"/>; dispose it when the request ends.</summary>
    /// <param name="context">The request.</param>
    /// <param name="logger">Any logger of the app: scopes are shared by every logger of the factory.</param>
    public static IDisposable? Begin(HttpContext context, ILogger logger)
    {
        var scope = new RequestLogScope();
        context.Features.Set(scope);
        return logger.BeginScope(scope);
    }

    /// <summary>Names the request's device in its log scope and on its server span.</summary>
    /// <param name="context">The request.</param>
    /// <param name="deviceKey">The authenticated (or just registered) device's key.</param>
    public static void SetDevice(HttpContext context, string deviceKey)
    {
        if (context.Features.Get<RequestLogScope>() is { } scope)
        {
            scope.DeviceKey = deviceKey;
        }
        Activity.Current?.SetTag(PassBrokerTelemetry.Tags.DeviceKey, deviceKey);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        if (DeviceKey is not null)
        {
            yield return new(DeviceKeyName, DeviceKey);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => DeviceKey is null ? "" : $"{DeviceKeyName}:{DeviceKey}";
}
