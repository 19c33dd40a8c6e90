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
        else if (IsAccountUrl(connection) && !(Uri.TryCreate(connection, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
        {
            // The token of a managed identity must never travel in clear text.
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.ConnectionString)} is an account URL; " +
                "it must be the https table endpoint, e.g. https://<account>.table.core.windows.net/.");
        }

        var prefix = options.TablePrefix ?? "";
        if (prefix.Length > MaxPrefixLength || (prefix.Length > 0 && !(char.IsAsciiLetter(prefix[0]) && prefix.All(char.IsAsciiLetterOrDigit))))
        {
            failures.Add($"{StorageOptions.SectionName}:{nameof(StorageOptions.TablePrefix)} must be empty or up to " +
                $"{MaxPrefixLength} ASCII letters and digits starting with a letter.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsAccountUrl(string connection) =>
        connection.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ||
        connection.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
}
