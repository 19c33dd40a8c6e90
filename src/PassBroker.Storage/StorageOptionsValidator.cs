using Microsoft.Extensions.Options;

namespace PassBroker.Storage;

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    // Table names are 3-63 letters and digits starting with a letter; the longest logical name is 8 characters.
    internal const int MaxPrefixLength = 50;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        var connection = options.ConnectionString?.Trim() ?? "";
        if (connection.Length == 0)
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is required.");
        }
        else if (IsAccountUrl(connection))
        {
            // An account URL without a key is how Azure deployments should connect (managed identity through
            // DefaultAzureCredential); that credential is wired by a later change, so refuse it clearly until then.
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is an account URL; " +
                "managed identity is not supported yet, give a connection string with a key or SAS.");
        }

        var prefix = options.TablePrefix ?? "";
        if (prefix.Length > MaxPrefixLength || (prefix.Length > 0 && !(char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit))))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.TablePrefix)} must be empty or up to " +
                $"{MaxPrefixLength} ASCII letters and digits starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsAccountUrl(string connection) =>
        connection.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        connection.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
