using System.Diagnostics;

namespace PassBroker.Core.Telemetry;

/// <summary>
/// PassBroker's own trace source and the attribute names its spans and metrics share. Spans come from here only
/// where ASP.NET Core and HttpClient instrumentation give none (the polling run, the decisions fetch, the upstream
/// call as PassBroker sees it). Attribute values never hold a token, a secret, an authentication code's owner or an
/// e-mail: devices are named by their device key, which does not reveal the device id (see <see cref="Devices.DeviceKeys"/>).
/// </summary>
public static class PassBrokerTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string Name = "PassBroker";

    public static readonly ActivitySource ActivitySource = new(Name);

    /// <summary>
    /// The request's span when something listens to it, else null. ASP.NET Core starts an <see cref="Activity"/> per
    /// request even with no listener (for log correlation, from no source); tags set on that one were built for nobody.
    /// </summary>
    public static Activity? ListenedSpan => Activity.Current is { } span && span.Source.HasListeners() ? span : null;

    /// <summary>Attribute names (OpenTelemetry style: a namespace, dots, snake_case).</summary>
    public static class Tags
    {
        public const string Mvpd = "passbroker.mvpd";
        public const string Brand = "passbroker.brand";
        public const string DeviceKey = "passbroker.device_key";
        public const string Decision = "passbroker.decision";
        public const string Reason = "passbroker.reason";
        public const string Source = "passbroker.decision.source";
        public const string SignInStatus = "passbroker.signin.status";
        public const string Operation = "passbroker.upstream.operation";
        public const string UpstreamErrorCode = "passbroker.upstream.error_code";
        public const string Resources = "passbroker.resources";
        public const string HttpStatus = "http.response.status_code";
    }

    /// <summary>The tag value for an MVPD not known yet (a sign-in whose provider is picked on the second screen).</summary>
    public const string NoMvpd = "none";

    /// <summary>The brand tag of a call made for no device (e.g. the management API's).</summary>
    public const string NoBrand = "none";

    /// <summary>The brand tag of a brand the configuration no longer has (a stored device may still name it).</summary>
    public const string OtherBrand = "other";

    /// <summary>The tag value when there is no reason or error code to name.</summary>
    public const string NoReason = "none";

    /// <summary>Marks the span failed with the upstream error code as its description (never a message text).</summary>
    /// <param name="activity">The span, or null when nobody listens.</param>
    /// <param name="code">Adobe's error code, or PassBroker's name for a failure without one.</param>
    public static void SetUpstreamError(this Activity? activity, string? code)
    {
        activity?.SetTag(Tags.UpstreamErrorCode, code ?? NoReason);
        activity?.SetStatus(ActivityStatusCode.Error, code);
    }
}
