namespace PassBroker.Emulator;

/// <summary>
/// Encrypted user metadata (adobe-pass-v2.md section 5.1): which attributes Adobe encrypts with the programmer's
/// public certificate, and how. No certificate, no encryption (every attribute <c>plain</c>).
/// <code>
/// "Emulator": { "MetadataEncryption": { "Certificate": "&lt;Base64 DER or PEM&gt;", "Attributes": "zip",
///                                       "Format": "Jwe", "KeyAlgorithm": "RSA-OAEP-256", "ContentEncryption": "A256GCM" } }
/// </code>
/// </summary>
public sealed class MetadataEncryptionOptions
{
    /// <summary>The programmer's public certificate as uploaded to the TVE Dashboard: PEM, or Base64 of the DER bytes.</summary>
    public string? Certificate { get; set; }

    /// <summary>Comma-separated attribute names to encrypt; the matrix marks only <c>zip</c> as requiring it.</summary>
    public string Attributes { get; set; } = "zip";

    /// <summary><c>Jwe</c> (compact serialization, as the SDK docs describe) or <c>Rsa</c> (Base64 of RSA-OAEP, as V1 did).</summary>
    public MetadataEncryptionFormat Format { get; set; } = MetadataEncryptionFormat.Jwe;

    /// <summary><c>RSA-OAEP</c> (SHA-1) or <c>RSA-OAEP-256</c>; for <c>Rsa</c> the same names pick the OAEP hash.</summary>
    public string KeyAlgorithm { get; set; } = "RSA-OAEP-256";

    /// <summary><c>A128GCM</c>, <c>A192GCM</c>, <c>A256GCM</c>, <c>A128CBC-HS256</c>, <c>A192CBC-HS384</c> or <c>A256CBC-HS512</c>.</summary>
    public string ContentEncryption { get; set; } = "A256GCM";

    internal IReadOnlySet<string> AttributeNames =>
        Attributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}

public enum MetadataEncryptionFormat
{
    Jwe,
    Rsa,
}
