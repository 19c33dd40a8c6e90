namespace PassBroker.Core.Secrets;

/// <summary>Key Vault's naming rule, checked in every store so a name that works locally works in Azure too.</summary>
public static class SecretNames
{
    public const int MaxLength = 127;

    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    public static string Validate(string name) => IsValid(name) ? name : throw new ArgumentException(Rule(name), nameof(name));

    /// <summary>Why <paramref name="name"/> is refused, for an exception or a start-up validation failure.</summary>
    public static string Rule(string? name) => $"'{name}' is not a secret name: 1 to {MaxLength} ASCII letters, digits and dashes.";
}
