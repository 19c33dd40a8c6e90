using System.Security.Cryptography;
using Jose;
using PassBroker.Core.Profiles;

namespace PassBroker.AdobePass.Metadata;

/// <summary>
/// JWE compact serialization (RFC 7516) through jose-jwt. Only RSA-OAEP key transport and authenticated content
/// encryption are accepted: the header is checked before any key is used, so a token cannot pick a weaker algorithm
/// (RSA1_5, "dir", "none").
/// </summary>
internal static class JweValue
{
    private static readonly Dictionary<string, JweAlgorithm> KeyAlgorithms = new(StringComparer.Ordinal)
    {
        ["RSA-OAEP"] = JweAlgorithm.RSA_OAEP,
        ["RSA-OAEP-256"] = JweAlgorithm.RSA_OAEP_256,
    };

    private static readonly Dictionary<string, JweEncryption> ContentAlgorithms = new(StringComparer.Ordinal)
    {
        ["A128GCM"] = JweEncryption.A128GCM,
        ["A192GCM"] = JweEncryption.A192GCM,
        ["A256GCM"] = JweEncryption.A256GCM,
        ["A128CBC-HS256"] = JweEncryption.A128CBC_HS256,
        ["A192CBC-HS384"] = JweEncryption.A192CBC_HS384,
        ["A256CBC-HS512"] = JweEncryption.A256CBC_HS512,
    };

    public static bool IsCompact(string value) => value.Count(c => c == '.') == 4;

    public static string Decrypt(string token, RSA privateKey, (JweAlgorithm Alg, JweEncryption Enc) algorithms) =>
        JWT.Decode(token, privateKey, algorithms.Alg, algorithms.Enc);

    /// <summary>The token's accepted algorithms, read once before any key is tried.</summary>
    /// <param name="token">The JWE.</param>
    public static (JweAlgorithm Alg, JweEncryption Enc) Algorithms(string token)
    {
        IDictionary<string, object> header;
        try
        {
            header = JWT.Headers(token);
        }
        catch (Exception e) when (e is JoseException or FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            throw new MetadataDecryptionException("The value looks like a JWE but its header cannot be read.", e);
        }
        var alg = header.TryGetValue("alg", out var a) ? a?.ToString() : null;
        var enc = header.TryGetValue("enc", out var e2) ? e2?.ToString() : null;
        if (alg is null || !KeyAlgorithms.TryGetValue(alg, out var keyAlgorithm)
            || enc is null || !ContentAlgorithms.TryGetValue(enc, out var contentAlgorithm))
        {
            throw new MetadataDecryptionException(
                $"JWE alg '{alg}' with enc '{enc}' is not accepted: alg must be one of {string.Join(", ", KeyAlgorithms.Keys)} " +
                $"and enc one of {string.Join(", ", ContentAlgorithms.Keys)}.");
        }
        return (keyAlgorithm, contentAlgorithm);
    }
}
