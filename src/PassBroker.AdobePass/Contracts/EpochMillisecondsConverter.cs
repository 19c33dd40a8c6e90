using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PassBroker.AdobePass.Contracts;

/// <summary>
/// Adobe's timestamps are epoch milliseconds, sent as JSON strings in session responses and as numbers in profiles and
/// decisions (adobe-pass-v2.md section 4.1). Reads both; writes numbers.
/// </summary>
public sealed class EpochMillisecondsConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number when reader.TryGetInt64(out var ms) => FromMs(ms),
            JsonTokenType.String when reader.GetString() is { Length: > 0 } s
                && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) => FromMs(ms),
            JsonTokenType.String when string.IsNullOrEmpty(reader.GetString()) => null,
            _ => throw new JsonException("Expected epoch milliseconds as a number or a string of digits."),
        };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v.ToUnixTimeMilliseconds());
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static DateTimeOffset FromMs(long ms) =>
        ms is < -62_135_596_800_000 or > 253_402_300_799_999
            ? throw new JsonException("Epoch milliseconds out of range.")
            : DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
