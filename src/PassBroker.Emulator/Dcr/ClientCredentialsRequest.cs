namespace PassBroker.Emulator.Dcr;

/// <summary>
/// The token request. The [DOC] sends form fields and the [SPEC] query parameters (adobe-pass-v2.md section 10,
/// question 8), so both are read, form first.
/// </summary>
internal sealed record ClientCredentialsRequest(string? ClientId, string? ClientSecret, string? GrantType)
{
    public static async ValueTask<ClientCredentialsRequest?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        var form = request.HasFormContentType ? await request.ReadFormAsync(context.RequestAborted) : null;

        string? Read(string name)
        {
            string? value = form?[name];
            if (string.IsNullOrEmpty(value))
            {
                value = request.Query[name];
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        return new ClientCredentialsRequest(Read("client_id"), Read("client_secret"), Read("grant_type"));
    }
}
