using Microsoft.Extensions.Options;
using PassBroker.AdobePass;

namespace PassBroker.Http.Pages;

/// <summary>
/// What the second-screen pages may load and where their forms may go. The Content-Security-Policy header and the
/// logos the picker shows come from this one list of hosts, so the page never shows a logo its policy blocks.
/// </summary>
/// <remarks>
/// <c>form-action 'self'</c> with no exception: Chromium checks form-action on every redirect that follows a form
/// submission, and Adobe's authenticate URL redirects on to the MVPD's own login host, which no list could name. So
/// the forms never redirect off this origin: the step to Adobe is a page of ours that moves on by itself
/// (<see cref="AuthnPages.Continue"/>).
/// </remarks>
public sealed class AuthnPagePolicy
{
    private readonly HashSet<string> _logoHosts;

    public AuthnPagePolicy(IOptions<SecondScreenOptions> secondScreen, IOptions<AdobePassOptions> adobePass)
    {
        // MVPD logos are Adobe's configuration: unless told otherwise, expect them where Adobe is.
        var hosts = secondScreen.Value.LogoHosts is { Count: > 0 } configured ? configured : [adobePass.Value.BaseUrl.Authority];
        _logoHosts = hosts.Select(h => h.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var images = string.Concat(_logoHosts.Order(StringComparer.Ordinal).Select(h => " https://" + h));
        // No script at all; styles only our own stylesheet; forms only to us; never framed.
        ContentSecurityPolicy =
            $"default-src 'none'; style-src 'self'; img-src 'self'{images}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    public string ContentSecurityPolicy { get; }

    /// <summary>Whether the picker shows this logo: https, from one of the allowed hosts.</summary>
    public bool AllowsLogo(Uri logo) =>
        logo.IsAbsoluteUri && logo.Scheme == Uri.UriSchemeHttps && _logoHosts.Contains(logo.Authority.ToLowerInvariant());
}
