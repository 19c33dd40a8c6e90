using Microsoft.AspNetCore.Http.HttpResults;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.ServiceProviders;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Mvpd;

/// <summary>
/// The emulated MVPD login page, where <c>/api/v2/authenticate</c> sends the browser. A successful sign-in creates
/// the device's profile and sends the browser on to the session's <c>redirectUrl</c>, as the real SAML chain does.
/// </summary>
internal static class MvpdLoginApi
{
    public static RouteGroupBuilder MapMvpdLoginApi(this IEndpointRouteBuilder app)
    {
        // The MVPD is a third-party identity provider here; browsers and tests post its form without antiforgery tokens.
        var group = app.MapGroup("/emulator/mvpd/{mvpd}/login").DisableAntiforgery();

        group.MapGet("", ShowLoginForm);
        group.MapPost("", SubmitLoginForm);

        return group;
    }

    public static string FormPath(string mvpd) => $"/emulator/mvpd/{Uri.EscapeDataString(mvpd)}/login";

    public static string LoginPath(string mvpd, string code) => $"{FormPath(mvpd)}?code={Uri.EscapeDataString(code)}";

    public static ContentHttpResult ShowLoginForm(string mvpd, string? code, [AsParameters] EmulatorServices services) =>
        FindLogin(mvpd, code, services) is { } login
            ? AdobeResults.Html(LoginPage.Render(login.Mvpd, login.Session.Code, username: null, error: null))
            : InvalidCodePage();

    public static Results<RedirectHttpResult, ContentHttpResult> SubmitLoginForm(
        string mvpd,
        LoginForm form,
        [AsParameters] EmulatorServices services)
    {
        if (FindLogin(mvpd, form.Code, services) is not { } login)
        {
            return InvalidCodePage();
        }

        var user = services.Settings.Users.Find(u =>
            string.Equals(u.Username, form.Username?.Trim(), StringComparison.OrdinalIgnoreCase)
            && string.Equals(u.Password, form.Password, StringComparison.Ordinal));
        var error = user switch
        {
            null => "The username or password is incorrect.",
            _ when !user.Subscribes(login.Mvpd.Id) => $"This account has no {login.Mvpd.DisplayName} subscription.",
            _ => null,
        };
        if (user is null || error is not null)
        {
            services.Logger.LoginFailed(form.Username ?? "", login.Mvpd.Id);
            return AdobeResults.Html(LoginPage.Render(login.Mvpd, login.Session.Code, form.Username, error));
        }

        // Each service provider encrypts user metadata for its own certificate.
        var metadata = login.Provider.Metadata.Apply(UserMetadata.For(user));
        var profile = services.State.CompleteLogin(
            login.Provider.Id, login.Session.Code, user.Username, metadata, services.Settings.ProfileLifetime);
        if (profile is null)
        {
            return InvalidCodePage();
        }

        services.Logger.LoginSucceeded(user.Username, login.Mvpd.Id, login.Session.Code);
        return TypedResults.Redirect(login.Session.Parameters.RedirectUrl!);
    }

    /// <returns>
    /// The session, its service provider and the MVPD when the code is active, complete and meant for this MVPD;
    /// otherwise null.
    /// </returns>
    private static (AuthenticationSession Session, EmulatedServiceProvider Provider, MvpdOptions Mvpd)? FindLogin(
        string mvpd, string? code, EmulatorServices services)
    {
        if (string.IsNullOrWhiteSpace(code)
            || services.State.FindActiveSession(code) is not { } session
            || session.Parameters.Missing.Count > 0
            || !string.Equals(session.Parameters.Mvpd, mvpd, StringComparison.Ordinal)
            || services.ServiceProviders.Find(session.Device.ServiceProvider) is not { } provider
            || provider.FindMvpd(mvpd) is not { IsTempPass: false } options)
        {
            return null;
        }

        return (session, provider, options);
    }

    private static ContentHttpResult InvalidCodePage() => AdobeResults.Html(
        HtmlPage.Error("invalid_authentication_session", "This sign-in link is invalid, has expired, or was replaced by a newer code."),
        StatusCodes.Status400BadRequest);
}
