using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Headers;

/// <summary><c>X-Device-Info: &lt;Base64 of the device JSON&gt;</c> (adobe-pass-v2.md section 2.3). Unset keys are left out.</summary>
public static class DeviceInfoHeader
{
    // Reused per thread (Encode never awaits): the JSON is written into this buffer and only the header string is new.
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_json;
    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    /// <summary>
    /// Written on every upstream call: the source-generated serializer (no reflection) into this thread's buffer, then
    /// Base64 from there, so the call allocates the header string only (SerializeToUtf8Bytes also made the JSON's bytes).
    /// </summary>
    public static string Encode(DeviceInfo info)
    {
        var json = t_json ??= new ArrayBufferWriter<byte>(512);
        var writer = t_writer ??= new Utf8JsonWriter(json);
        writer.Reset(json);
        try
        {
            JsonSerializer.Serialize(writer, info, DeviceInfoJsonContext.Default.DeviceInfo);
            return Convert.ToBase64String(json.WrittenSpan);
        }
        finally
        {
            json.ResetWrittenCount();
        }
    }

    public static bool TryDecode(string? value, out DeviceInfo info)
    {
        info = new DeviceInfo();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var written))
        {
            return false;
        }
        try
        {
            info = JsonSerializer.Deserialize(buffer.AsSpan(0, written), DeviceInfoJsonContext.Default.DeviceInfo) ?? new DeviceInfo();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The JSON text inside a header value, for diagnostics and tests.</summary>
    public static string DecodeJson(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));
}

/// <summary>The device JSON's settings: the names are the <see cref="DeviceInfo"/> attributes', unset keys left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(DeviceInfo))]
internal sealed partial class DeviceInfoJsonContext : JsonSerializerContext;
