using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>ProgrammerType</c>: the requestor and its MVPDs.</summary>
public sealed record ProgrammerType
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("channels")] public string? Channels { get; init; }
    [JsonPropertyName("domains")] public IReadOnlyList<Domain>? Domains { get; init; }
    [JsonPropertyName("mvpds")] public IReadOnlyList<MvpdType>? Mvpds { get; init; }
}
