using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Pages;

/// <summary>
/// The second-screen sign-in page (<c>/authn</c>). Per brand: <see cref="PublicBaseUrl"/> only (a brand may have its own
/// address); the others are the deployment's, and a brand setting one is a startup error (one policy, one limit).
/// <code>
/// "SecondScreen": { "PublicBaseUrl": "https://tv.example.com", "CodeAttemptsPerIp": 10, "CodeAttemptsWindow": "00:01:00",
///                   "LogoHosts": [ "logos.example.com" ] }
/// </code>
/// </summary>
public sealed class SecondScreenOptions : IValidatableObject
{
    public const string SectionName = "SecondScreen";

    /// <summary>The query parameter of the second-screen pages' links and form actions that names the brand (its public id).</summary>
    public const string BrandParameter = "brand";

    /// <summary>Where people reach PassBroker from their phone: the sign-in answer's <c>secondScreenUrl</c> is this plus
    /// <c>/authn?code=…</c> (and <c>&amp;brand=…</c> where the deployment has several brands).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Hosts (<c>name</c> or <c>name:port</c>, served over https) the MVPD logos of the provider picker may come
    /// from: the pages' Content-Security-Policy allows images from these only, and the picker leaves out other logos.
    /// Empty: the host of <c>AdobePass:BaseUrl</c>.</summary>
    public List<string> LogoHosts { get; set; } = [];

    /// <summary>Codes one client IP may submit per <see cref="CodeAttemptsWindow"/> (per instance): enough for typos,
    /// far too few to guess codes.</summary>
    [Range(1, 1000)]
    public int CodeAttemptsPerIp { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CodeAttemptsWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The URL a TV shows (as text or a QR code) for its code.</summary>
    /// <param name="code">The sign-in's code.</param>
    /// <param name="brand">The brand's public id, where the deployment has several: the page looks the code up under it
    /// alone (two brands may hold the same code) and takes its look. Null: the URL names no brand, as before brands.</param>
    public string UrlFor(string code, string? brand = null) =>
        $"{PublicBaseUrl.TrimEnd('/')}/{Routes.Authn}?code={Uri.EscapeDataString(code)}"
        + (brand is null ? "" : $"&{SecondScreenOptions.BrandParameter}={Uri.EscapeDataString(brand)}");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query))
        {
            yield return new ValidationResult("PublicBaseUrl must be an absolute http(s) URL without a query.", [nameof(PublicBaseUrl)]);
        }
        // Each goes into a response header: a host and nothing else, so no value can add to the policy.
        if (LogoHosts.Find(h => !IsHost(h)) is { } bad)
        {
            yield return new ValidationResult($"LogoHosts: '{bad}' is not a host name (with an optional port).", [nameof(LogoHosts)]);
        }
    }

    private static bool IsHost(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate("https://" + value, UriKind.Absolute, out var uri))
        {
            return false;
        }
        return uri.Authority.Equals(value, StringComparison.OrdinalIgnoreCase) && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.UserInfo)
            && Uri.CheckHostName(uri.Host) is UriHostNameType.Dns or UriHostNameType.IPv4;
    }
}
