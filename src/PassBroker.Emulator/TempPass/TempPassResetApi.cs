using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.TempPass;

/// <summary>
/// Adobe's TempPass reset (management) API, adobe-pass-v2.md section 6.5: v3 and the retired v2.1, same query shape,
/// served from the emulator's root as Adobe serves it from <c>mgmt.auth.adobe.com</c>. A reset deletes the matching
/// trials, so the next authorize starts a fresh one.
/// </summary>
/// <remarks>
/// Checks, in order: 401 (missing, unknown or expired DCR token, the REST API's enhanced error); 403
/// <c>client_application_not_allowed</c> (the token's client was revoked through the test hooks); 400 enhanced error
/// for a missing or unknown <c>requestor_id</c> (<c>invalid_parameter_service_provider</c>); 401
/// <c>invalid_access_token_service_provider</c> when the token's client is not linked to that requestor, as on REST API
/// V2 (the reset page's 401 is "token invalid"); 400 enhanced errors for a missing, unknown or
/// non-TempPass <c>mvpd_id</c>, or a generic (by key) reset of a basic TempPass MVPD, which has no keys
/// (<c>invalid_parameter_mvpd</c>). Otherwise 204, whether or not a trial matched.
/// </remarks>
internal static class TempPassResetApi
{
    private const string All = "all";

    public static IEndpointRouteBuilder MapTempPassResetApi(this IEndpointRouteBuilder app)
    {
        foreach (var version in (string[])["v3", "v2.1"])
        {
            var group = app.MapGroup($"/reset-tempass/{version}");
            group.MapDelete("/reset", ResetByDevice);
            group.MapDelete("/reset/generic", ResetByKey);
        }

        return app;
    }

    /// <summary>
    /// <c>device_id</c> omitted or <c>all</c>: every trial of the MVPD. Otherwise the trials that device took part in
    /// (for promotional TempPass the whole trial goes, with the hashes linked to it). The id is the decoded
    /// <c>AP-Device-Identifier</c> value as in Adobe's v3 sample; its Base64 form is accepted too (section 10, question 14).
    /// </summary>
    public static Results<NoContent, JsonHttpResult<EnhancedError>> ResetByDevice(
        [FromQuery(Name = "requestor_id")] string? requestorId,
        [FromQuery(Name = "mvpd_id")] string? mvpdId,
        [FromQuery(Name = "device_id")] string? deviceId,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        if (Validate(requestorId, mvpdId, generic: false, user, services) is { } error)
        {
            return Reject(error, services);
        }

        string[] ids = IsAll(deviceId) ? [] : DeviceIdForms(deviceId!);
        return Reset(requestorId!, mvpdId!, IsAll(deviceId) ? "device=all" : "device", t => ids.Length == 0 || ids.Any(t.HasDevice), services);
    }

    /// <summary>
    /// Promotional TempPass only. <c>key</c> omitted or <c>all</c>: every trial of the MVPD; otherwise the trial of that
    /// identifier hash, compared exactly with what <c>AP-TempPass-Identity</c> carried.
    /// </summary>
    public static Results<NoContent, JsonHttpResult<EnhancedError>> ResetByKey(
        [FromQuery(Name = "requestor_id")] string? requestorId,
        [FromQuery(Name = "mvpd_id")] string? mvpdId,
        [FromQuery(Name = "key")] string? key,
        ClaimsPrincipal user,
        [AsParameters] EmulatorServices services)
    {
        if (Validate(requestorId, mvpdId, generic: true, user, services) is { } error)
        {
            return Reject(error, services);
        }

        return Reset(requestorId!, mvpdId!, IsAll(key) ? "key=all" : "key", t => IsAll(key) || t.HasKey(key), services);
    }

    private static NoContent Reset(
        string serviceProvider, string mvpd, string scope, Func<TempPassTrial, bool> matches, EmulatorServices services)
    {
        var deleted = services.State.ResetTempPass(serviceProvider, mvpd, matches);
        services.Logger.TempPassReset(mvpd, scope, deleted);
        return TypedResults.NoContent();
    }

    private static EnhancedError? Validate(string? requestorId, string? mvpdId, bool generic, ClaimsPrincipal user, EmulatorServices services)
    {
        if (services.State.IsClientRevoked(user.GetClientId()))
        {
            return EnhancedErrors.ClientNotAllowed();
        }

        if (services.ServiceProviders.Find(requestorId) is not { } provider)
        {
            return EnhancedErrors.InvalidServiceProvider(requestorId);
        }

        if (!user.IsLinkedTo(provider.Id))
        {
            return EnhancedErrors.InvalidAccessTokenServiceProvider(requestorId);
        }

        return provider.FindMvpd(mvpdId) switch
        {
            null => EnhancedErrors.InvalidMvpd(mvpdId),
            { IsTempPass: false } => EnhancedErrors.NotTempPassMvpd(mvpdId, "is not a TempPass MVPD"),
            { TempPass.IsPromotional: false } when generic =>
                EnhancedErrors.NotTempPassMvpd(mvpdId, "is not a promotional TempPass, so it has no keys; reset it by device"),
            _ => null,
        };
    }

    private static JsonHttpResult<EnhancedError> Reject(EnhancedError error, EmulatorServices services)
    {
        services.Logger.TempPassResetRejected(error.Code);
        return AdobeResults.Error(error);
    }

    private static bool IsAll(string? value) => string.IsNullOrWhiteSpace(value) || value.Trim().Equals(All, StringComparison.OrdinalIgnoreCase);

    private static string[] DeviceIdForms(string deviceId) =>
        DeviceHeaders.TryDecodeBase64(deviceId.Trim(), out var bytes) && bytes.Length > 0
            ? [deviceId, Encoding.UTF8.GetString(bytes)]
            : [deviceId];
}
