using PassBroker.Core.Errors;

namespace PassBroker.Core.Mvpds;

/// <summary>Shape check for MVPD ids an app names (Adobe's are short ASCII identifiers such as <c>TempPass_TEST40</c>).</summary>
public static class MvpdIds
{
    public const int MaxLength = 128;

    public static string Validate(string id, string field) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')
            ? id
            : throw PassBrokerException.Validation(field, $"{field} is an MVPD id: 1 to {MaxLength} ASCII letters, digits, '_', '-' or '.'.");
}
