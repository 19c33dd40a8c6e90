using System.Text;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Tests.Tables;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("ABC-def_123.xyz")]
    [InlineData("spaces and 'quotes' and +plus & = ;")]
    [InlineData("日本語 Ünïcödé 😀")]
    public void Escape_LegalKey_ReturnsItUnchanged(string key)
    {
        Assert.Equal(key, TableKeys.Escape(key));
    }

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("a\\b", "a%5Cb")]
    [InlineData("a#b", "a%23b")]
    [InlineData("a?b", "a%3Fb")]
    [InlineData("100%", "100%25")]
    [InlineData("%2F", "%252F")]
    [InlineData("\u0000\t\u001F", "%00%09%1F")]
    [InlineData("\u007F\u0085\u009F", "%7F%85%9F")]
    public void Escape_IllegalCharacters_PercentEscapesThem(string key, string expected)
    {
        Assert.Equal(expected, TableKeys.Escape(key));
        Assert.Equal(key, TableKeys.Unescape(expected));
    }

    [Fact]
    public void Escape_LoneSurrogates_EscapesThemAndKeepsPairs()
    {
        // Not in InlineData: attribute arguments are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        var key = "high \uD800 low \uDC00 pair \uD83D\uDE00 reversed \uDE00\uD83D";

        var escaped = TableKeys.Escape(key);

        Assert.Equal("high %uD800 low %uDC00 pair \uD83D\uDE00 reversed %uDE00%uD83D", escaped);
        Assert.Equal(key, TableKeys.Unescape(escaped));
    }

    [Fact]
    public void Escape_ManyRandomStrings_RoundTripsToLegalUniqueKeys()
    {
        // Property-style: seeded so a failure reproduces; the alphabet leans on the characters that need escaping.
        var random = new Random(20240611);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < 5000; i++)
        {
            var value = RandomKey(random);
            var escaped = TableKeys.Escape(value);

            Assert.Equal(value, TableKeys.Unescape(escaped));
            Assert.True(IsLegalKey(escaped), $"'{escaped}' holds a character tables refuse");
            if (seen.TryGetValue(escaped, out var other))
            {
                Assert.Equal(other, value);
            }
            seen[escaped] = value;
        }
    }

    [Fact]
    public void Escape_MaxLengthOnceEscaped_IsAccepted()
    {
        Assert.Equal(TableKeys.MaxLength, TableKeys.Escape(new string('x', TableKeys.MaxLength)).Length);
        Assert.Equal(510, TableKeys.Escape(new string('/', 170)).Length);
    }

    [Theory]
    [InlineData('x', TableKeys.MaxLength + 1)]
    [InlineData('/', 171)]
    public void Escape_LongerThan1KiBOnceEscaped_ThrowsArgumentException(char c, int count)
    {
        var error = Assert.Throws<ArgumentException>(() => TableKeys.Escape(new string(c, count)));
        Assert.Contains("1 KiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Escape_Empty_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Escape(""));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("%4")]
    [InlineData("%zz")]
    [InlineData("%u12")]
    public void Unescape_Malformed_ThrowsArgumentException(string key)
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Unescape(key));
    }

    private static string RandomKey(Random random)
    {
        const string Awkward = "/\\#?%u0123456789ABCDEFabcdef'\" \t\r\n\u0000\u001F\u007F\u0080\u009F\u00A0éß日😀";
        var length = random.Next(1, 40);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(10) switch
            {
                0 => (char)random.Next(0xD800, 0xE000), // surrogates, paired or not
                1 => (char)random.Next(0, 0x10000),
                _ => Awkward[random.Next(Awkward.Length)],
            });
        }
        return builder.ToString();
    }

    private static bool IsLegalKey(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' or <= '\u001F' or (>= '\u007F' and <= '\u009F'))
            {
                return false;
            }
            if (char.IsHighSurrogate(c) && i + 1 < key.Length && char.IsLowSurrogate(key[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }
        return true;
    }
}
