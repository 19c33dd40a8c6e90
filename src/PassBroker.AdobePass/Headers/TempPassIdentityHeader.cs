using System.Text.Json;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Headers;

/// <summary>
/// <c>AP-TempPass-Identity: &lt;Base64 of {"email":"&lt;sha256 hex&gt;"}&gt;</c> (adobe-pass-v2.md section 2.5): the JSON key
/// is the one configured with Adobe, the value the hash of the user's e-mail, never the e-mail.
/// </summary>
public static class TempPassIdentityHeader
{
    public static string Encode(TempPassIdentity identity)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString(identity.Key, identity.Hash);
            writer.WriteEndObject();
        }
        return Convert.ToBase64String(json.ToArray());
    }
}
