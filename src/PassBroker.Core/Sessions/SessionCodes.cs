using PassBroker.Core.Errors;

namespace PassBroker.Core.Sessions;

/// <summary>Shape check for authentication codes received from apps (Adobe's are 6-7 upper-case letters and digits).</summary>
public static class SessionCodes
{
    public const int MaxLength = 32;

    public static string Validate(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength || !code.All(char.IsAsciiLetterOrDigit))
        {
            throw new PassBrokerException(400, ErrorCodes.InvalidSessionCode, "The authentication code is not valid.",
                $"A code is 1 to {MaxLength} ASCII letters and digits, as returned by POST /api/authentication/sessions.");
        }
        return code;
    }
}
