using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PassBroker.Emulator.Infrastructure;

namespace PassBroker.Emulator.TempPass;

/// <summary>
/// Reads <c>AP-TempPass-Identity</c>: Base64 of a JSON object whose configured key (e.g. <c>email</c>) holds the
/// user's identifier (adobe-pass-v2.md section 2.5). The value is treated as an opaque hash and never normalised, so
/// a reset by key must send exactly what the header carried. The key matches in any case.
/// </summary>
internal static class TempPassIdentityHeader
{
    public static bool TryRead(string? header, string identityKey, [NotNullWhen(true)] out string? key)
    {
        key = null;
        if (string.IsNullOrWhiteSpace(header) || !DeviceHeaders.TryDecodeBase64(header.Trim(), out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name.Equals(identityKey, StringComparison.OrdinalIgnoreCase)
                    && property.Value.ValueKind == JsonValueKind.String
                    && property.Value.GetString() is { } value
                    && !string.IsNullOrWhiteSpace(value))
                {
                    key = value;
                    return true;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
