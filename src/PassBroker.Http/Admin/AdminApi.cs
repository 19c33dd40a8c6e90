using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.TempPass;
using PassBroker.Http.Edge;
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
        return routes;
    }

    /// <summary>Resets Temp Pass trials through Adobe's reset API; Adobe's refusals come back as 502 with its status.</summary>
    public static async Task<Ok<ResetTempPassResponse>> ResetTempPassAsync(
        HttpRequest request, TempPassResetService resets, CancellationToken cancellationToken)
    {
        AdminAuthentication.RequireAdmin(request);
        var body = await JsonBody.ReadAsync<ResetTempPassRequest>(request, cancellationToken);
        var result = await resets.ResetAsync(new TempPassResetRequest(body.Kind, body.DeviceId, body.Email, body.Hash, body.All), cancellationToken);
        return TypedResults.Ok(new ResetTempPassResponse(result.Kind.ToString().ToLowerInvariant(), result.Mvpd, result.Scope, result.UpstreamStatus));
    }
}
