using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using PassBroker.Core.Errors;

namespace PassBroker.Core.TempPass;

/// <summary>
/// The promotional trial's user identity: SHA-256 hex of the normalized e-mail (trimmed, lower-cased), as Adobe asks
/// ("the Programmer must hash the identifier"). The raw e-mail stops here: it is never stored, logged or sent on, and
/// error messages never echo it.
/// </summary>
public static class EmailIdentity
{
    /// <summary>RFC 5321's limit for a forward path.</summary>
    public const int MaxLength = 254;

    public static string Hash(string? email)
    {
        var normalized = Normalize(email);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    /// <summary>Trimmed and lower-cased, once it looks like one address (<c>local@domain.tld</c>, nothing around it).</summary>
    public static string Normalize(string? email)
    {
        var trimmed = email?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw PassBrokerException.Validation("email", "The promotional trial needs the user's e-mail address.");
        }
        if (trimmed.Length > MaxLength || !LooksLikeAnAddress(trimmed))
        {
            throw PassBrokerException.Validation("email", "The e-mail address is not valid: expected one address like name@example.com.");
        }
        return trimmed.ToLowerInvariant();
    }

    private static bool LooksLikeAnAddress(string value)
    {
        // MailAddress also accepts display names ("Name <a@b.c>") and lists; only a bare address equal to the input counts.
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || !MailAddress.TryCreate(value, out var address))
        {
            return false;
        }
        var at = value.LastIndexOf('@');
        return address.Address == value && at > 0 && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.');
    }
}
