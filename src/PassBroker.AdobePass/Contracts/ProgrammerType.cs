using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>ProgrammerType</c>: the requestor and its MVPDs.</summary>
public sealed record ProgrammerType
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("channels")] public string? Channels { get; set; }
    [JsonPropertyName("domains")] public IReadOnlyList<Domain>? Domains { get; set; }
    [JsonPropertyName("mvpds")] public IReadOnlyList<MvpdType>? Mvpds { get; set; }
}
