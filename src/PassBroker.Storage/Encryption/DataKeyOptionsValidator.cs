using Microsoft.Extensions.Options;
using PassBroker.Core.Secrets;
using PassBroker.Storage.Secrets;

namespace PassBroker.Storage.Encryption;

/// <summary>Fails start-up when the configured data keys cannot seal or open anything, rather than on the first write.</summary>
internal sealed class DataKeyOptionsValidator(IOptions<SecretsOptions> secrets) : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (secrets.Value.Source == SecretSource.KeyVault)
        {
            // The keys are versions of Storage:DataKeySecret in the vault; Storage:DataKeys is not read. The secret's
            // name is checked here so a bad one stops the start, not every device request.
            return SecretNames.IsValid(options.DataKeySecret)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"Storage:DataKeySecret: {SecretNames.Rule(options.DataKeySecret)}");
        }
        var keys = options.DataKeys;
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(keys.Current))
        {
            failures.Add($"{DataKeyOptions.SectionName}:{nameof(DataKeyOptions.Current)} is required.");
        }
        else if (!keys.Keys.ContainsKey(keys.Current))
        {
            failures.Add($"{DataKeyOptions.SectionName}:{nameof(DataKeyOptions.Current)} names key '{keys.Current}', " +
                $"which is not in {DataKeyOptions.SectionName}:{nameof(DataKeyOptions.Keys)}.");
        }

        foreach (var (version, encoded) in keys.Keys)
        {
            if (!IsValidVersion(version))
            {
                failures.Add($"Data key version '{version}' must be 1-32 ASCII letters, digits, '-', '_' or '.'.");
            }
            if (TryDecode(encoded) is not { Length: DataKey.SizeInBytes })
            {
                // The key itself stays out of the message: it is a secret.
                failures.Add($"Data key '{version}' must be the base64 of exactly {DataKey.SizeInBytes} bytes.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static byte[]? TryDecode(string? encoded)
    {
        var buffer = new byte[DataKey.SizeInBytes + 3];
        return Convert.TryFromBase64String(encoded ?? "", buffer, out var written) ? buffer[..written] : null;
    }

    // The version is part of every sealed value's "v1:{version}:..." text, so it cannot hold ':'.
    private static bool IsValidVersion(string version) =>
        version.Length is > 0 and <= 32 && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
