namespace PassBroker.Http.Admin;

/// <summary>
/// Body of <c>POST /api/admin/temppass/reset</c>: <c>{"kind":"basic","deviceId":"…"}</c>, <c>{"kind":"basic","all":true}</c>,
/// <c>{"kind":"promotional","email":"…"}</c> (or <c>"hash"</c>), <c>{"kind":"promotional","all":true}</c>. In a body,
/// not a query string, so e-mails stay out of access logs. <c>"brand"</c> (a public id) names whose trials; absent, the
/// default brand's.
/// </summary>
public sealed record ResetTempPassRequest(string? Kind, string? DeviceId, string? Email, string? Hash, bool? All, string? Brand = null);
