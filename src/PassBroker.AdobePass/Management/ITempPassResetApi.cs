using Refit;

namespace PassBroker.AdobePass.Management;

/// <summary>
/// Adobe's Temp Pass reset API on the management host (adobe-pass-v2.md section 6.5), versions <c>v3</c> and
/// <c>v2.1</c> (same query shape). Answers are read raw: 204 is the only success, and its body is empty.
/// </summary>
internal interface ITempPassResetApi
{
    [Delete("/reset-tempass/{version}/reset")]
    Task<HttpResponseMessage> ResetDevicesAsync(
        string version,
        [AliasAs("requestor_id")] string requestorId,
        [AliasAs("mvpd_id")] string mvpdId,
        [AliasAs("device_id")] string? deviceId,
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken);

    [Delete("/reset-tempass/{version}/reset/generic")]
    Task<HttpResponseMessage> ResetKeysAsync(
        string version,
        [AliasAs("requestor_id")] string requestorId,
        [AliasAs("mvpd_id")] string mvpdId,
        [AliasAs("key")] string? key,
        [Header("Authorization")] string authorization,
        CancellationToken cancellationToken);
}
