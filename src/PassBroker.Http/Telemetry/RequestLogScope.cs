using System.Collections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Telemetry;

namespace PassBroker.Http.Telemetry;

/// <summary>
/// The log scope of one request. It opens before the device is known (authentication happens when the handler's parameters are bound), so
/// it is a mutable holder: every line logged after <see cref="SetDevice"/> carries <c>DeviceKey</c>, the hash PassBroker
/// names devices by (never the device id or its token), and <c>Brand</c>, the device's brand's public id (bounded as the
/// metrics' <c>passbroker.brand</c>, see <see cref="BrandTags"/>). The trace and span ids come from the logging builder's
/// <c>ActivityTrackingOptions</c>.
/// </summary>
public sealed class RequestLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string DeviceKeyName = "DeviceKey";
    public const string BrandName = "Brand";

    public string? DeviceKey { get; private set; }

    /// <summary>The device's brand's public id, once the device is known.</summary>
    public string? Brand { get; private set; }

    public int Count => DeviceKey is null ? 0 : 2;

    public KeyValuePair<string, object?> this[int index] => (index, DeviceKey) switch
    {
        (0, not null) => new(DeviceKeyName, DeviceKey),
        (1, not null) => new(BrandName, Brand),
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>Opens the request's scope on <paramref name="logger"/>; dispose it when the request ends.</summary>
    /// <param name="context">The request.</param>
    /// <param name="logger">Any logger of the app: scopes are shared by every logger of the factory.</param>
    public static IDisposable? Begin(HttpContext context, ILogger logger)
    {
        var scope = new RequestLogScope();
        context.Features.Set(scope);
        return logger.BeginScope(scope);
    }

    /// <summary>Names the request's device and its brand in its log scope and on its server span.</summary>
    /// <param name="context">The request.</param>
    /// <param name="deviceKey">The authenticated (or just registered) device's key.</param>
    /// <param name="brand">The device's brand key (<see cref="Core.Brands.BrandKeys"/>).</param>
    public static void SetDevice(HttpContext context, string deviceKey, string brand)
    {
        var brandTag = context.RequestServices.GetRequiredService<BrandTags>().Of(brand);
        if (context.Features.Get<RequestLogScope>() is { } scope)
        {
            scope.DeviceKey = deviceKey;
            scope.Brand = brandTag;
        }
        var span = PassBrokerTelemetry.ListenedSpan;
        span?.SetTag(PassBrokerTelemetry.Tags.DeviceKey, deviceKey);
        span?.SetTag(PassBrokerTelemetry.Tags.Brand, brandTag);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => DeviceKey is null ? "" : $"{DeviceKeyName}:{DeviceKey} {BrandName}:{Brand}";
}
