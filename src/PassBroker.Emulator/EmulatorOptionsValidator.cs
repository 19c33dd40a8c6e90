using Microsoft.Extensions.Options;
using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.ServiceProviders;

namespace PassBroker.Emulator;

/// <summary>Fails start-up on a tenant the emulator could not serve consistently.</summary>
internal sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ServiceProvider))
        {
            failures.Add("Emulator:ServiceProvider is required.");
        }

        RequirePositive(failures, nameof(options.AccessTokenLifetime), options.AccessTokenLifetime);
        RequirePositive(failures, nameof(options.CodeLifetime), options.CodeLifetime);
        RequirePositive(failures, nameof(options.ProfileLifetime), options.ProfileLifetime);
        RequirePositive(failures, nameof(options.DecisionLifetime), options.DecisionLifetime);
        RequirePositive(failures, nameof(options.MediaTokenLifetime), options.MediaTokenLifetime);
        RequireAtLeastOne(failures, nameof(options.PreauthorizeMaxResources), options.PreauthorizeMaxResources);
        RequireAtLeastOne(failures, nameof(options.AuthorizeMaxResources), options.AuthorizeMaxResources);
        RequireKnownEntitlements(failures, options.Users);
        RequireUnique(failures, "Emulator:Users:Username", options.Users.Select(u => u.Username));

        var catalog = new ServiceProviderCatalog(options);
        foreach (var provider in catalog.All)
        {
            failures.AddRange(ServiceProviderValidator.Validate(provider));
        }

        // Empty ids are reported above, each under its own setting.
        RequireUnique(failures, "Emulator:ServiceProviders:Id", catalog.All.Select(p => p.Id).Where(id => !string.IsNullOrWhiteSpace(id)));

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"Emulator:{name} must be positive.");
        }
    }

    private static void RequireAtLeastOne(List<string> failures, string name, int value)
    {
        if (value < 1)
        {
            failures.Add($"Emulator:{name} must be at least 1.");
        }
    }

    // A typo such as "denied" would otherwise silently permit, and the test relying on it would pass for the wrong reason.
    private static void RequireKnownEntitlements(List<string> failures, IEnumerable<TestUserOptions> users)
    {
        foreach (var user in users)
        {
            foreach (var (resource, value) in user.Entitlements)
            {
                if (!Entitlement.TryParse(value, out _))
                {
                    failures.Add(
                        $"Emulator:Users '{user.Username}' Entitlements '{resource}': '{value}' is not permit, deny, parental, timeout, timeout-once or timeout-N.");
                }
            }
        }
    }

    internal static void RequireUnique(List<string> failures, string name, IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{name} must not be empty.");
            }
            else if (!seen.Add(value))
            {
                failures.Add($"{name} '{value}' is duplicated.");
            }
        }
    }
}
