using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>ConfigurationResponse</c>. The MVPD list sits inside <c>requestor</c> (spec and sample agree).</summary>
public sealed record ConfigurationResponse
{
    [JsonPropertyName("platformCategory")] public string? PlatformCategory { get; init; }
    [JsonPropertyName("os")] public string? Os { get; init; }
    [JsonPropertyName("sdkType")] public string? SdkType { get; init; }
    [JsonPropertyName("platform")] public string? Platform { get; init; }
    [JsonPropertyName("requestor")] public ProgrammerType? Requestor { get; init; }
}
