using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Brands;
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
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd, ErrorCodes.UnknownBrand)
            .Problems(StatusCodes.Status403Forbidden, AdminAuthentication.BrandNotAllowedCode)
            .Problems(StatusCodes.Status404NotFound, TempPassKinds.NotOfferedCode)
            .CallsAdobePass();
        routes.MapPost(Routes.AdminDataKeysReseal, ResealAsync).WithName("ResealDataKeys").WithTags("Admin")
            .RequiresAdminKey()
            .JsonBody<ResealRequest>(optional: true)
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.ValidationFailed)
            .Problems(StatusCodes.Status403Forbidden, AdminAuthentication.BrandNotAllowedCode);
        return routes;
    }

    /// <summary>Resets Temp Pass trials through Adobe's reset API; Adobe's refusals come back as 502 with its status.</summary>
    /// <remarks>Basic trials by <c>deviceId</c> or <c>all</c>; promotional ones by <c>email</c> (hashed here), <c>hash</c> or <c>all</c>, in the
    /// body so e-mails stay out of URLs and access logs. Adobe is called with PassBroker's own DCR client, never a device's.
    /// <c>brand</c> (public id; absent: the default brand) picks the brand's Temp Pass MVPDs, service provider and management
    /// client; an admin key limited to other brands gets 403 <c>admin_brand_not_allowed</c>.</remarks>
    public static async Task<Ok<ResetTempPassResponse>> ResetTempPassAsync(
        HttpRequest request, TempPassResetService resets, BrandCatalog brands, CancellationToken cancellationToken)
    {
        var key = await AdminAuthentication.RequireAdminAsync(request, cancellationToken);
        var body = await JsonBody.ReadAsync<ResetTempPassRequest>(request, cancellationToken);
        if (!brands.TryResolve(body.Brand, out var brand))
        {
            throw new PassBrokerException(400, ErrorCodes.UnknownBrand, "This service has no such brand.", "brand is a brand's public id; leave it out for the default brand.");
        }
        key.RequireBrand(request.HttpContext, brand);
        var result = await resets.ResetAsync(new TempPassResetRequest(body.Kind, body.DeviceId, body.Email, body.Hash, body.All) { Brand = brand }, cancellationToken);
        return TypedResults.Ok(new ResetTempPassResponse(result.Kind.ToString().ToLowerInvariant(), result.Mvpd, result.Scope, result.UpstreamStatus));
    }

    /// <summary>
    /// After a data-key rotation: re-seals a page of device rows with the current key. Repeat with the answer's
    /// <c>continuation</c> until it is null; then no row needs the old key version and it can be disabled.
    /// </summary>
    /// <remarks>Rows written meanwhile by their device count as <c>conflicts</c> (that write sealed them with a current key);
    /// <c>unreadable</c> rows (unknown key version or altered) are left alone and logged by device key. One data key seals
    /// every brand's rows in one table, so a pass covers all brands and takes an admin key that is not limited to brands.</remarks>
    public static async Task<Ok<ResealResponse>> ResealAsync(HttpRequest request, IDataKeyResealer resealer, CancellationToken cancellationToken)
    {
        (await AdminAuthentication.RequireAdminAsync(request, cancellationToken)).RequireBrand(request.HttpContext, brand: null);
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
