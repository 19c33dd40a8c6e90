using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Headers;

/// <summary><c>X-Device-Info: &lt;Base64 of the device JSON&gt;</c> (adobe-pass-v2.md section 2.3). Unset keys are left out.</summary>
public static class DeviceInfoHeader
{
    // Written on every upstream call: the source-generated serializer, no reflection.
    public static string Encode(DeviceInfo info) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(info, DeviceInfoJsonContext.Default.DeviceInfo));

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
