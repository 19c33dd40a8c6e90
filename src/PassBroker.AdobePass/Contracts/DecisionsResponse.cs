using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>DecisionsResponse</c>: one decision per requested resource.</summary>
public sealed record DecisionsResponse
{
    [JsonPropertyName("decisions")] public IReadOnlyList<DecisionResponse>? Decisions { get; set; }
}
