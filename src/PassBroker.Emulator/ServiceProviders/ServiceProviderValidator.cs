using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using PassBroker.Emulator.Profiles.Encryption;

namespace PassBroker.Emulator.ServiceProviders;

/// <summary>
/// The checks each service provider's own settings must pass. Messages name the setting by its configuration path; an
/// additional provider's also start with its id, so a start-up error says which brand's emulated provider is wrong.
/// </summary>
internal static class ServiceProviderValidator
{
    public static IEnumerable<string> Validate(EmulatedServiceProvider provider)
    {
        var failures = new List<string>();
        var section = provider.Section;
        if (!provider.IsTopLevel && string.IsNullOrWhiteSpace(provider.Id))
        {
            failures.Add($"{section}:Id is required.");
        }

        if (provider.SoftwareStatements.Count == 0)
        {
            failures.Add($"{section}:SoftwareStatements must list at least one software statement, or no client could reach it.");
        }

        EmulatorOptionsValidator.RequireUnique(failures, $"{section}:SoftwareStatements", provider.SoftwareStatements);
        RequireValidTempPass(failures, section, provider.Mvpds);
        RequireKnownPlatformMvpds(failures, provider);
        RequireUsableMetadataEncryption(failures, $"{section}:MetadataEncryption", provider.MetadataEncryption);
        EmulatorOptionsValidator.RequireUnique(failures, $"{section}:Mvpds:Id", provider.Mvpds.Select(m => m.Id));

        // The top level keeps the messages it always had.
        return provider.IsTopLevel || string.IsNullOrWhiteSpace(provider.Id) ? failures : failures.Select(f => $"Service provider '{provider.Id}': {f}");
    }

    private static void RequireKnownPlatformMvpds(List<string> failures, EmulatedServiceProvider provider)
    {
        var section = provider.Section;
        foreach (var platform in provider.Platforms)
        {
            if (string.IsNullOrWhiteSpace(platform.Name))
            {
                failures.Add($"{section}:Platforms: every platform needs a Name (the response's 'platform').");
            }

            failures.AddRange(platform.Mvpds.Where(id => provider.FindMvpd(id) is null)
                .Select(id => $"{section}:Platforms '{platform.Name}' lists MVPD '{id}', which is not in {section}:Mvpds."));
        }
    }

    private static void RequireValidTempPass(List<string> failures, string section, IEnumerable<MvpdOptions> mvpds)
    {
        foreach (var mvpd in mvpds)
        {
            if (mvpd.TempPass is not { } tempPass)
            {
                continue;
            }

            var name = $"{section}:Mvpds '{mvpd.Id}' TempPass";
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

    private static void RequireUsableMetadataEncryption(List<string> failures, string section, MetadataEncryptionOptions options)
    {
        try
        {
            using var certificate = MetadataEncryptor.LoadCertificate(options.Certificate);
            if (certificate is not null && certificate.GetRSAPublicKey() is null)
            {
                failures.Add($"{section}:Certificate must hold an RSA public key.");
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            failures.Add($"{section}:Certificate is neither PEM nor Base64 DER.");
        }
        if (options.KeyAlgorithm is not ("RSA-OAEP" or "RSA-OAEP-256"))
        {
            failures.Add($"{section}:KeyAlgorithm must be RSA-OAEP or RSA-OAEP-256.");
        }
        if (!CompactJwe.ContentEncryptions.Contains(options.ContentEncryption))
        {
            failures.Add($"{section}:ContentEncryption must be one of {string.Join(", ", CompactJwe.ContentEncryptions)}.");
        }
    }
}
