namespace PassBroker.Core.Profiles;

/// <summary>Opens one <c>enc</c> user-metadata value with the programmer's metadata certificate(s).</summary>
public interface IUserMetadataDecryptor
{
    /// <summary>The plaintext; <see cref="MetadataDecryptionException"/> when no configured certificate opens it.</summary>
    /// <param name="encrypted">The attribute's value as Adobe sent it (JWE compact serialization, or Base64 of RSA).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    Task<string> DecryptAsync(string encrypted, CancellationToken cancellationToken);
}
