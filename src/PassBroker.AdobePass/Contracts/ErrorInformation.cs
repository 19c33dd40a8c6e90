using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>Adobe's enhanced error (<c>ErrorInformation</c>). <c>message</c> is typed as an object in the spec and is a
/// string in practice, so it is read as raw JSON.</summary>
public sealed record ErrorInformation
{
    [JsonPropertyName("action")] public string? Action { get; init; }
    [JsonPropertyName("status")] public int? Status { get; init; }
    [JsonPropertyName("code")] public string? Code { get; init; }
    [JsonPropertyName("message")] public JsonElement? Message { get; init; }
    [JsonPropertyName("details")] public string? Details { get; init; }
    [JsonPropertyName("helpUrl")] public string? HelpUrl { get; init; }
    [JsonPropertyName("trace")] public string? Trace { get; init; }

    /// <summary>The OAuth-style DCR error (<c>{"error":"invalid_client"}</c>), which shares nothing else with the above.</summary>
    [JsonPropertyName("error")] public string? OAuthError { get; init; }
}
