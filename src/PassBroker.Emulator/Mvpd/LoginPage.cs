using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.Mvpd;

/// <summary>The emulated MVPD's sign-in form: labelled fields, errors announced with <c>role="alert"</c>.</summary>
internal static class LoginPage
{
    public static string Render(MvpdOptions mvpd, string code, string? username, string? error)
    {
        var title = HtmlPage.Encode($"Sign in to {mvpd.DisplayName}");
        var alert = error is null
            ? ""
            : $"""<p role="alert" id="login-error">{HtmlPage.Encode(error)}</p>""";
        var describedBy = error is null ? "" : " aria-describedby=\"login-error\" aria-invalid=\"true\"";

        return HtmlPage.Render(title, $"""
            <h1>{title}</h1>
            <p>Emulated TV provider sign-in for activation code <strong>{HtmlPage.Encode(code)}</strong>.</p>
            {alert}
            <form method="post" action="{HtmlPage.Encode(MvpdLoginApi.FormPath(mvpd.Id))}">
            <input type="hidden" name="{LoginForm.CodeField}" value="{HtmlPage.Encode(code)}">
            <label for="username">Username</label>
            <input id="username" name="{LoginForm.UsernameField}" type="text" autocomplete="username" required value="{HtmlPage.Encode(username)}"{describedBy}>
            <label for="password">Password</label>
            <input id="password" name="{LoginForm.PasswordField}" type="password" autocomplete="current-password" required>
            <button type="submit">Sign in</button>
            </form>
            """);
    }
}
