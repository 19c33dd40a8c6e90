using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>Body of preauthorize and authorize: <c>{"resources":[…]}</c>.</summary>
public sealed record DecisionsRequest([property: JsonPropertyName("resources")] IReadOnlyList<string> Resources);
