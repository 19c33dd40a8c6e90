using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using PassBroker.Core.Upstream;

namespace PassBroker.Storage.Decisions;

/// <summary>The JSON of a cached <see cref="Decision"/> (the <c>Decision</c> column).</summary>
[JsonSerializable(typeof(Decision))]
internal sealed partial class DecisionJsonContext : JsonSerializerContext
{
    /// <summary>
    /// Web defaults without nulls, and relaxed escaping: the text only ever goes back into a deserializer, never into a
    /// page, and MRSS resources would otherwise grow six-fold (<c>&lt;</c> as <c>\u003C</c>) against the 64 KiB limit of
    /// a table property.
    /// </summary>
    public static DecisionJsonContext Stored { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
