using System.ComponentModel.DataAnnotations;

namespace PassBroker.Http.Pages;

/// <summary>
/// The second-screen sign-in page (<c>/authn</c>).
/// <code>
/// "SecondScreen": { "PublicBaseUrl": "https://tv.example.com", "CodeAttemptsPerIp": 10, "CodeAttemptsWindow": "00:01:00" }
/// </code>
/// </summary>
public sealed class SecondScreenOptions : IValidatableObject
{
    public const string SectionName = "SecondScreen";

    /// <summary>Where people reach PassBroker from their phone: the sign-in answer's <c>secondScreenUrl</c> is this plus
    /// <c>/authn?code=…</c>.</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>Codes one client IP may submit per <see cref="CodeAttemptsWindow"/> (per instance): enough for typos,
    /// far too few to guess codes.</summary>
    [Range(1, 1000)]
    public int CodeAttemptsPerIp { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CodeAttemptsWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The URL a TV shows (as text or a QR code) for its code.</summary>
    public string UrlFor(string code) => $"{PublicBaseUrl.TrimEnd('/')}/{Routes.Authn}?code={Uri.EscapeDataString(code)}";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query))
        {
            yield return new ValidationResult("PublicBaseUrl must be an absolute http(s) URL without a query.", [nameof(PublicBaseUrl)]);
        }
    }
}
