using PassBroker.Core.Errors;

namespace PassBroker.Core.Sessions;

/// <summary>Shape check for authentication codes received from apps (Adobe's are 6-7 upper-case letters and digits).</summary>
public static class SessionCodes
{
    public const int MaxLength = 32;

    /// <summary>Whether the text has a code's shape: 1 to <see cref="MaxLength"/> ASCII letters and digits.</summary>
    public static bool IsWellFormed([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(char.IsAsciiLetterOrDigit);

    public static string Validate(string? code)
    {
        if (!IsWellFormed(code))
        {
            throw new PassBrokerException(400, ErrorCodes.InvalidSessionCode, "The authentication code is not valid.",
                $"A code is 1 to {MaxLength} ASCII letters and digits, as returned by POST /api/authentication/sessions.");
        }
        return code;
    }
}
