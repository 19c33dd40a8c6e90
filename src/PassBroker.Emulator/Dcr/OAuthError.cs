using System.Text.Json.Serialization;

namespace PassBroker.Emulator.Dcr;

/// <summary>DCR's OAuth-style error body, not an enhanced error (adobe-pass-v2.md section 3).</summary>
internal sealed record OAuthError([property: JsonPropertyName("error")] string Error)
{
    public static readonly OAuthError InvalidRequest = new("invalid_request");
    public static readonly OAuthError InvalidRedirectUri = new("invalid_redirect_uri");
    public static readonly OAuthError InvalidSoftwareStatement = new("invalid_software_statement");
    public static readonly OAuthError InvalidClient = new("invalid_client");
    public static readonly OAuthError UnsupportedGrantType = new("unsupported_grant_type");
}
