using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>LogoutResponse</c>: one entry per MVPD whose profile the call removed (or tried to).</summary>
public sealed record LogoutResponse
{
    [JsonPropertyName("logouts")] public IReadOnlyDictionary<string, MvpdLogoutResponse>? Logouts { get; set; }
}
