using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>Adobe's enhanced error (<c>ErrorInformation</c>). <c>message</c> is typed as an object in the spec and is a
/// string in practice, so it is read as raw JSON.</summary>
public sealed record ErrorInformation
{
    [JsonPropertyName("action")] public string? Action { get; set; }
    [JsonPropertyName("status")] public int? Status { get; set; }
    [JsonPropertyName("code")] public string? Code { get; set; }
    [JsonPropertyName("message")] public JsonElement? Message { get; set; }
    [JsonPropertyName("details")] public string? Details { get; set; }
    [JsonPropertyName("helpUrl")] public string? HelpUrl { get; set; }
    [JsonPropertyName("trace")] public string? Trace { get; set; }

    /// <summary>The OAuth-style DCR error (<c>{"error":"invalid_client"}</c>), which shares nothing else with the above.</summary>
    [JsonPropertyName("error")] public string? OAuthError { get; set; }
}
