using Microsoft.Extensions.Options;
using PassBroker.Core.Brands;
using PassBroker.Core.Secrets;

namespace PassBroker.Http.Admin;

/// <summary>
/// Each limited admin key names a secret and only brands the deployment serves: a mistyped brand would otherwise leave
/// a key that quietly opens nothing, or, once a brand of that name is added, one more brand than meant.
/// </summary>
internal sealed class AdminOptionsValidator(BrandCatalog brands) : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var path = $"{AdminOptions.SectionName}:{nameof(AdminOptions.Keys)}:{i}";
            if (!SecretNames.IsValid(key.Secret))
            {
                failures.Add($"{path}:{nameof(AdminKeyOptions.Secret)}: {SecretNames.Rule(key.Secret)}");
            }
            for (var j = 0; j < key.Brands.Count; j++)
            {
                if (!brands.TryResolve(key.Brands[j], out _) || string.IsNullOrEmpty(key.Brands[j]))
                {
                    failures.Add($"{path}:{nameof(AdminKeyOptions.Brands)}:{j}: '{key.Brands[j]}' is not one of the deployment's brands ({string.Join(", ", brands.All.Select(brands.PublicId))}).");
                }
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
