using System.Globalization;
using System.Text;

namespace PassBroker.Storage.Tables;

/// <summary>
/// Maps any string to a legal PartitionKey/RowKey and back. The service refuses <c>/ \ # ?</c> and the control
/// characters U+0000-U+001F and U+007F-U+009F in keys; those, and <c>%</c> itself so the mapping stays reversible and
/// unique, become <c>%XX</c>. A lone surrogate (which cannot travel as UTF-8) becomes <c>%uXXXX</c>.
/// </summary>
internal static class TableKeys
{
    /// <summary>The service's limit: 1 KiB of UTF-16, counted on the escaped key.</summary>
    public const int MaxLength = 512;

    public static string Escape(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var escaped = NeedsEscaping(value) ? EscapeSlow(value) : value;
        if (escaped.Length > MaxLength)
        {
            throw new ArgumentException(
                $"The key is {escaped.Length} characters once escaped; table keys hold at most {MaxLength} (1 KiB).", nameof(value));
        }
        return escaped;
    }

    public static string Unescape(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }
        var builder = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            if (key[i] != '%')
            {
                builder.Append(key[i]);
                continue;
            }
            var (start, length) = i + 1 < key.Length && key[i + 1] == 'u' ? (i + 2, 4) : (i + 1, 2);
            if (start + length > key.Length ||
                !int.TryParse(key.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new ArgumentException($"'{key}' is not an escaped table key.", nameof(key));
            }
            builder.Append((char)code);
            i = start + length - 1;
        }
        return builder.ToString();
    }

    private static bool NeedsEscaping(string value)
    {
        foreach (var c in value)
        {
            if (IsEscaped(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }
        return false;
    }

    private static string EscapeSlow(string value)
    {
        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"%u{(int)c:X4}");
            }
            else if (IsEscaped(c))
            {
                builder.Append(CultureInfo.InvariantCulture, $"%{(int)c:X2}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static bool IsEscaped(char c) => c is '%' or '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F');
}
