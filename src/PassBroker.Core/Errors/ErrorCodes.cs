namespace PassBroker.Core.Errors;

/// <summary>
/// The stable <c>code</c> values of PassBroker's Problem Details answers. Apps branch on these, so a value is never
/// renamed or reused; new ones may be added.
/// </summary>
public static class ErrorCodes
{
    // 400: the request itself is wrong.
    public const string InvalidJson = "invalid_json";
    public const string ValidationFailed = "validation_failed";
    public const string InvalidSessionCode = "invalid_session_code";
    public const string UnknownMvpd = "unknown_mvpd";
    public const string UnsupportedMediaType = "unsupported_media_type";

    /// <summary>The registration names a brand this deployment does not serve.</summary>
    public const string UnknownBrand = "unknown_brand";

    // 401/403/404/413: who is asking, and for what.
    public const string MissingDeviceToken = "missing_device_token";
    public const string InvalidDeviceToken = "invalid_device_token";
    public const string AuthenticationRequired = "authentication_required";
    public const string BadRequest = "bad_request";
    public const string SessionNotFound = "session_not_found";
    public const string RouteNotFound = "route_not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";

    // 409: the request raced another one for the same device.
    public const string ConcurrencyConflict = "concurrency_conflict";

    // 409: a re-registration names another brand than the device's own; a device belongs to one brand for life.
    public const string BrandMismatch = "brand_mismatch";

    // 429: the device asks faster than Adobe lets PassBroker call for it; wait Retry-After seconds.
    public const string RateLimited = "rate_limited";

    // 429: the device already holds as many long polls (?wait=) as it may; wait Retry-After seconds.
    public const string TooManyWaits = "too_many_waits";

    // 5xx: a dependency failed; the request may be retried later.
    public const string UpstreamRejected = "upstream_rejected";
    public const string UpstreamUnavailable = "upstream_unavailable";
    public const string UpstreamThrottled = "upstream_throttled";
    public const string UpstreamMisconfigured = "upstream_misconfigured";
    public const string UpstreamTimeout = "upstream_timeout";
    public const string StorageUnavailable = "storage_unavailable";
    public const string ServiceMisconfigured = "service_misconfigured";
    public const string InternalError = "internal_error";
}
