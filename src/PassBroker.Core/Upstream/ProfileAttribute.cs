using System.Text.Json;

namespace PassBroker.Core.Upstream;

/// <summary>A user-metadata value: a string, number, list or map; <c>state</c> is <c>plain</c> or <c>enc</c>.</summary>
public sealed record ProfileAttribute(JsonElement Value, string State);
