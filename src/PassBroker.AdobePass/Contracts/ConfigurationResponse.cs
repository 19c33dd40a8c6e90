using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary><c>ConfigurationResponse</c>. The MVPD list sits inside <c>requestor</c> (spec and sample agree).</summary>
public sealed record ConfigurationResponse
{
    [JsonPropertyName("platformCategory")] public string? PlatformCategory { get; set; }
    [JsonPropertyName("os")] public string? Os { get; set; }
    [JsonPropertyName("sdkType")] public string? SdkType { get; set; }
    [JsonPropertyName("platform")] public string? Platform { get; set; }
    [JsonPropertyName("requestor")] public ProgrammerType? Requestor { get; set; }
}
