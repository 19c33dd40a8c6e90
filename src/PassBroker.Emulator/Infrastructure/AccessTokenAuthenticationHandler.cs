using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// Accepts <c>Authorization: Bearer &lt;token&gt;</c> for tokens DCR issued and that have not expired, and answers
/// every failure with Adobe's 401 enhanced error (adobe-pass-v2.md section 3, "v2 errors that point to DCR").
/// </summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    EmulatorState state,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "AdobePassAccessToken";
    public const string ClientIdClaim = "client_id";

    /// <summary>One claim per service provider the token's client is linked to (see <see cref="ServiceProviderFilter"/>).</summary>
    public const string ServiceProviderClaim = "service_provider";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrWhiteSpace(header))
        {
            // NoResult, not Fail: DCR and the emulator pages are anonymous, and a missing header is normal there.
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.Fail("The Authorization header must be 'Bearer <access token>'."));
        }

        var token = state.FindAccessToken(header[BearerPrefix.Length..].Trim());
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("The access token was not issued by this service."));
        }

        if (token.IsExpired(clock.GetUtcNow()))
        {
            return Task.FromResult(AuthenticateResult.Fail("The access token has expired; request a new one from /o/client/token."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClientIdClaim, token.ClientId), .. token.ServiceProviders.Select(id => new Claim(ServiceProviderClaim, id))],
            SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var message = result.Failure?.Message ?? "The Authorization header is missing.";
        Logger.AccessTokenRejected(Request.Path.Value ?? "", message);
        await AdobeResults.Error(EnhancedErrors.InvalidAccessToken(message)).ExecuteAsync(Context);
    }
}
