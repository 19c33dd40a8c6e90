using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.Mvpd;

namespace PassBroker.Emulator.Authenticate;

/// <summary>
/// <c>GET /api/v2/authenticate/{serviceProvider}/{code}</c>: the browser entry point that redirects to the MVPD
/// login. Errors are <c>text/html</c> because a person is looking at them (adobe-pass-v2.md section 4.5).
/// </summary>
internal static class AuthenticateApi
{
    public static RouteGroupBuilder MapAuthenticateApi(this IEndpointRouteBuilder app)
    {
        // Opened in a user agent, possibly on another device, so there is no Authorization header.
        var group = app.MapGroup("/api/v2/authenticate");

        group.MapGet("/{serviceProvider}/{code}", StartAuthentication);

        return group;
    }

    public static Results<RedirectHttpResult, ContentHttpResult> StartAuthentication(
        string serviceProvider,
        string code,
        [AsParameters] EmulatorServices services)
    {
        if (services.ServiceProviders.Find(serviceProvider) is not { } provider)
        {
            return ErrorPage("invalid_parameter_service_provider", $"The service provider '{serviceProvider}' is unknown.");
        }

        if (services.State.FindActiveSession(serviceProvider, code) is not { } session)
        {
            return ErrorPage("invalid_authentication_session", "This code is unknown, has expired, or was replaced by a newer one.");
        }

        if (session.Parameters.Missing is { Count: > 0 } missing)
        {
            return ErrorPage(
                "invalid_authentication_session",
                $"The session is missing {string.Join(", ", missing)}; resume it before opening this page.");
        }

        var mvpd = provider.FindMvpd(session.Parameters.Mvpd);
        if (mvpd is null || mvpd.IsTempPass)
        {
            return ErrorPage("invalid_parameter_mvpd", $"The MVPD '{session.Parameters.Mvpd}' has no login page.");
        }

        return TypedResults.Redirect(MvpdLoginApi.LoginPath(mvpd.Id, session.Code));
    }

    private static ContentHttpResult ErrorPage(string code, string message) =>
        AdobeResults.Html(HtmlPage.Error(code, message), StatusCodes.Status400BadRequest);
}
