namespace PassBroker.Core.Profiles;

/// <summary>Opens one <c>enc</c> user-metadata value with the brand's metadata certificate(s): Adobe seals it for the service provider's registered certificate.</summary>
public interface IUserMetadataDecryptor
{
    /// <summary>The plaintext; <see cref="MetadataDecryptionException"/> when no configured certificate opens it.</summary>
    /// <param name="brand">The brand whose device the profile is of (<see cref="Brands.BrandKeys"/>): its certificates open it.</param>
    /// <param name="encrypted">The attribute's value as Adobe sent it (JWE compact serialization, or Base64 of RSA).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<string> DecryptAsync(string brand, string encrypted, CancellationToken cancellationToken);
}
