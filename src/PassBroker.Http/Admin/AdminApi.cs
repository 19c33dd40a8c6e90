using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Edge;
using PassBroker.Storage.Encryption;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Admin;

public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdmin(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(Routes.AdminTempPassReset, ResetTempPassAsync).WithName("ResetTempPass").WithTags("Admin")
            .RequiresAdminKey()
            .JsonBody<ResetTempPassRequest>()
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd)
            .Problems(StatusCodes.Status404NotFound, TempPassKinds.NotOfferedCode)
            .CallsAdobePass();
        routes.MapPost(Routes.AdminDataKeysReseal, ResealAsync).WithName("ResealDataKeys").WithTags("Admin")
            .RequiresAdminKey()
            .JsonBody<ResealRequest>(optional: true)
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed);
        return routes;
    }

    /// <summary>Resets Temp Pass trials through Adobe's reset API; Adobe's refusals come back as 502 with its status.</summary>
    /// <remarks>Basic trials by <c>deviceId</c> or <c>all</c>; promotional ones by <c>email</c> (hashed here), <c>hash</c> or <c>all</c>, in the
    /// body so e-mails stay out of URLs and access logs. Adobe is called with PassBroker's own DCR client, never a device's.</remarks>
    public static async Task<Ok<ResetTempPassResponse>> ResetTempPassAsync(
        HttpRequest request, TempPassResetService resets, CancellationToken cancellationToken)
    {
        await AdminAuthentication.RequireAdminAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<ResetTempPassRequest>(request, cancellationToken);
        var result = await resets.ResetAsync(new TempPassResetRequest(body.Kind, body.DeviceId, body.Email, body.Hash, body.All), cancellationToken);
        return TypedResults.Ok(new ResetTempPassResponse(result.Kind.ToString().ToLowerInvariant(), result.Mvpd, result.Scope, result.UpstreamStatus));
    }

    /// <summary>
    /// After a data-key rotation: re-seals a page of device rows with the current key. Repeat with the answer's
    /// <c>continuation</c> until it is null; then no row needs the old key version and it can be disabled.
    /// </summary>
    /// <remarks>Rows written meanwhile by their device count as <c>conflicts</c> (that write sealed them with a current key);
    /// <c>unreadable</c> rows (unknown key version or altered) are left alone and logged by device key.</remarks>
    public static async Task<Ok<ResealResponse>> ResealAsync(HttpRequest request, IDataKeyResealer resealer, CancellationToken cancellationToken)
    {
        await AdminAuthentication.RequireAdminAsync(request, cancellationToken);
        var body = await JsonBody.ReadOptionalAsync(request, new ResealRequest(null, null), cancellationToken);
        var maxRows = body.MaxRows ?? ResealRequest.DefaultMaxRows;
        if (maxRows is < 1 or > ResealRequest.MostRows)
        {
            throw PassBrokerException.Validation("maxRows", $"maxRows is 1 to {ResealRequest.MostRows}.");
        }
        var report = await resealer.ResealAsync(body.Continuation, maxRows, cancellationToken);
        return TypedResults.Ok(new ResealResponse(report.CurrentVersion, report.Scanned, report.Resealed, report.Conflicts,
            report.Unreadable, report.Continuation));
    }
}
