namespace PassBroker.Core.Secrets;

/// <summary>Key Vault's naming rule, checked in every store so a name that works locally works in Azure too.</summary>
public static class SecretNames
{
    public const int MaxLength = 127;

    public static string Validate(string name) =>
        name.Length is > 0 and <= MaxLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            ? name
            : throw new ArgumentException($"'{name}' is not a secret name: 1 to {MaxLength} ASCII letters, digits and dashes.", nameof(name));
}
