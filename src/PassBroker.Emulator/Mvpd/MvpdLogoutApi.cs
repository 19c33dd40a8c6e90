using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Mvpd;

/// <summary>
/// The emulated MVPD logout page that a <c>logout</c>/<c>interactive</c> answer points to. It ends the MVPD's browser
/// session (there is none to end here) and sends the browser on to <c>redirectUrl</c>, or shows a page without one.
/// </summary>
internal static class MvpdLogoutApi
{
    private const string RedirectUrlKey = "redirectUrl";

    public static RouteGroupBuilder MapMvpdLogoutApi(this IEndpointRouteBuilder app)
    {
        // Opened in a user agent, without the app's Authorization header.
        var group = app.MapGroup("/emulator/mvpd/{mvpd}/logout");

        group.MapGet("", ShowLogoutPage);

        return group;
    }

    /// <summary>Host-relative, like every other URL the REST API V2 emulator hands out.</summary>
    public static string LogoutPath(string mvpd, string? redirectUrl)
    {
        var path = $"/emulator/mvpd/{Uri.EscapeDataString(mvpd)}/logout";
        return redirectUrl is null ? path : $"{path}?{RedirectUrlKey}={Uri.EscapeDataString(redirectUrl)}";
    }

    public static Results<RedirectHttpResult, ContentHttpResult> ShowLogoutPage(
        string mvpd,
        string? redirectUrl,
        [AsParameters] EmulatorServices services)
    {
        // The page is the MVPD's, shared by every service provider integrated with it, so any provider's settings do.
        if (services.ServiceProviders.FindAnyMvpd(mvpd, m => m.HasLogoutEndpoint) is not { } options)
        {
            return ErrorPage("invalid_parameter_mvpd", $"The MVPD '{mvpd}' has no logout page.");
        }

        // Never an open redirect to javascript: or file: URLs.
        if (redirectUrl is not null && !AbsoluteUrl.IsHttp(redirectUrl))
        {
            return ErrorPage("invalid_parameter_redirect_url", "The redirectUrl must be an absolute http or https URL.");
        }

        services.State.RecordMvpdLogoutPageView();
        services.Logger.MvpdLogoutPageOpened(options.Id);
        if (redirectUrl is not null)
        {
            return TypedResults.Redirect(redirectUrl);
        }

        var title = HtmlPage.Encode($"Signed out of {options.DisplayName}");
        return AdobeResults.Html(HtmlPage.Render(title, $"""
            <h1>{title}</h1>
            <p>You are signed out of your TV provider. You can close this page.</p>
            """));
    }

    private static ContentHttpResult ErrorPage(string code, string message) =>
        AdobeResults.Html(HtmlPage.Error(code, message), StatusCodes.Status400BadRequest);
}
