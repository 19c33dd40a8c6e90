using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>ProfilesResponse</c>: profiles by MVPD id; the map may be empty (or, defensively, missing).</summary>
public sealed record ProfilesResponse
{
    [JsonPropertyName("profiles")] public IReadOnlyDictionary<string, MvpdProfileResponse>? Profiles { get; set; }
}
