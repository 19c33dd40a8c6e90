namespace PassBroker.Emulator.Mvpd;

/// <summary>The fields the emulated MVPD login form posts.</summary>
internal sealed record LoginForm(string? Username, string? Password, string? Code)
{
    public const string UsernameField = "username";
    public const string PasswordField = "password";
    public const string CodeField = "code";

    public static async ValueTask<LoginForm?> BindAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return new LoginForm(null, null, null);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        return new LoginForm(form[UsernameField], form[PasswordField], form[CodeField]);
    }
}
