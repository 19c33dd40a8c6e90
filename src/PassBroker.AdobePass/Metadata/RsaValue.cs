using System.Security.Cryptography;
using System.Text;

namespace PassBroker.AdobePass.Metadata;

/// <summary>
/// The V1 REST form: Base64 of the value RSA-encrypted with the certificate's public key. Only OAEP padding (SHA-1,
/// then SHA-256) is tried: OAEP fails loudly with the wrong key, whereas PKCS#1 v1.5 on OpenSSL 3.2+ ("implicit
/// rejection") returns random bytes instead of an error, which would hand the app garbage as a ZIP code.
/// </summary>
internal static class RsaValue
{
    private static readonly RSAEncryptionPadding[] Paddings = [RSAEncryptionPadding.OaepSHA1, RSAEncryptionPadding.OaepSHA256];

    public static string Decrypt(string value, RSA privateKey)
    {
        var cipher = Convert.FromBase64String(value.Trim());
        if (cipher.Length != privateKey.KeySize / 8)
        {
            throw new CryptographicException("The value's length does not match this certificate's key size.");
        }
        CryptographicException? last = null;
        foreach (var padding in Paddings)
        {
            try
            {
                return Encoding.UTF8.GetString(privateKey.Decrypt(cipher, padding));
            }
            catch (CryptographicException e)
            {
                last = e;
            }
        }
        throw last!;
    }
}
