using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.Profiles.Encryption;

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
        RequireValidTempPass(failures, options.Mvpds);
        RequireKnownPlatformMvpds(failures, options);
        RequireUsableMetadataEncryption(failures, options.MetadataEncryption);
        RequireUnique(failures, "Emulator:Mvpds:Id", options.Mvpds.Select(m => m.Id));
        RequireUnique(failures, "Emulator:Users:Username", options.Users.Select(u => u.Username));

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

    private static void RequireKnownPlatformMvpds(List<string> failures, EmulatorOptions options)
    {
        foreach (var platform in options.Platforms)
        {
            if (string.IsNullOrWhiteSpace(platform.Name))
            {
                failures.Add("Emulator:Platforms: every platform needs a Name (the response's 'platform').");
            }

            failures.AddRange(platform.Mvpds.Where(id => options.FindMvpd(id) is null)
                .Select(id => $"Emulator:Platforms '{platform.Name}' lists MVPD '{id}', which is not in Emulator:Mvpds."));
        }
    }

    private static void RequireValidTempPass(List<string> failures, IEnumerable<MvpdOptions> mvpds)
    {
        foreach (var mvpd in mvpds)
        {
            if (mvpd.TempPass is not { } tempPass)
            {
                continue;
            }

            var name = $"Emulator:Mvpds '{mvpd.Id}' TempPass";
            if (!mvpd.IsTempPass)
            {
                failures.Add($"{name} needs IsTempPass: true.");
            }

            if (tempPass.Ttl <= TimeSpan.Zero)
            {
                failures.Add($"{name}:Ttl must be positive.");
            }

            if (tempPass.IsPromotional && tempPass.MaxResources < 1)
            {
                failures.Add($"{name}:MaxResources must be at least 1 for a promotional TempPass.");
            }

            if (tempPass.IsPromotional && string.IsNullOrWhiteSpace(tempPass.IdentityKey))
            {
                failures.Add($"{name}:IdentityKey must not be empty for a promotional TempPass.");
            }
        }
    }

    private static void RequireUsableMetadataEncryption(List<string> failures, MetadataEncryptionOptions options)
    {
        const string Section = "Emulator:MetadataEncryption";
        try
        {
            using var certificate = MetadataEncryptor.LoadCertificate(options.Certificate);
            if (certificate is not null && certificate.GetRSAPublicKey() is null)
            {
                failures.Add($"{Section}:Certificate must hold an RSA public key.");
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            failures.Add($"{Section}:Certificate is neither PEM nor Base64 DER.");
        }
        if (options.KeyAlgorithm is not ("RSA-OAEP" or "RSA-OAEP-256"))
        {
            failures.Add($"{Section}:KeyAlgorithm must be RSA-OAEP or RSA-OAEP-256.");
        }
        if (!CompactJwe.ContentEncryptions.Contains(options.ContentEncryption))
        {
            failures.Add($"{Section}:ContentEncryption must be one of {string.Join(", ", CompactJwe.ContentEncryptions)}.");
        }
    }

    private static void RequireUnique(List<string> failures, string name, IEnumerable<string> values)
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
