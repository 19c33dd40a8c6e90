using System.Text.Json;
using Microsoft.Extensions.Logging;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Profiles;

/// <summary>
/// Opens the <c>enc</c> attributes of profiles on their way out to the app. Profiles stay encrypted everywhere else
/// (the profile cache, sessions), so the sensitive values (e.g. <c>zip</c>) are in the clear only in the answer to the
/// device they belong to, and the RSA work is spent only when an app reads profiles, never on a decision.
/// </summary>
public sealed class UserMetadataDecryption(IUserMetadataDecryptor decryptor, ILogger<UserMetadataDecryption> logger)
{
    /// <param name="brand">The device's brand: whose metadata certificates open the values.</param>
    /// <param name="profiles">The device's profiles.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<IReadOnlyList<Profile>> DecryptAsync(string brand, IReadOnlyList<Profile> profiles, CancellationToken cancellationToken)
    {
        var opened = new List<Profile>(profiles.Count);
        foreach (var profile in profiles)
        {
            opened.Add(await DecryptAsync(brand, profile, cancellationToken));
        }
        return opened;
    }

    /// <param name="brand">The device's brand: whose metadata certificates open the values.</param>
    /// <param name="profile">One of the device's profiles.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<Profile> DecryptAsync(string brand, Profile profile, CancellationToken cancellationToken)
    {
        if (!profile.Attributes.Values.Any(IsEncrypted))
        {
            return profile;
        }

        var attributes = new Dictionary<string, ProfileAttribute>(profile.Attributes.Count, StringComparer.Ordinal);
        foreach (var (key, attribute) in profile.Attributes)
        {
            attributes[key] = IsEncrypted(attribute) ? await OpenAsync(brand, profile.Mvpd, key, attribute, cancellationToken) : attribute;
        }
        return profile with { Attributes = attributes };
    }

    private static bool IsEncrypted(ProfileAttribute attribute) =>
        attribute.State == ProfileAttributeStates.Encrypted && attribute.Value.ValueKind == JsonValueKind.String;

    private async Task<ProfileAttribute> OpenAsync(string brand, string mvpd, string key, ProfileAttribute attribute, CancellationToken cancellationToken)
    {
        try
        {
            var plaintext = await decryptor.DecryptAsync(brand, attribute.Value.GetString()!, cancellationToken);
            return new ProfileAttribute(ToJson(plaintext), ProfileAttributeStates.Decrypted);
        }
        catch (MetadataDecryptionException e)
        {
            // The app still gets the profile: one unreadable attribute must not sign the user out. The value stays
            // as Adobe sent it, marked, and operators see why (the message never holds the value).
            logger.MetadataNotDecrypted(mvpd, key, e.Message);
            return attribute with { Error = ProfileAttributeStates.DecryptionFailed };
        }
    }

    // Adobe encrypts the attribute's value; for a list such as zip that is JSON text (["10001"]), for a scalar it may be
    // the bare text. A JSON array, object or string is kept as JSON; anything else is the text itself, so a bare zip
    // such as 02134 or 10001 stays a string rather than becoming a number.
    private static JsonElement ToJson(string plaintext)
    {
        if (plaintext.TrimStart() is ['[' or '{' or '"', ..])
        {
            try
            {
                using var structured = JsonDocument.Parse(plaintext);
                return structured.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: the text itself.
            }
        }
        using var text = JsonDocument.Parse(JsonSerializer.Serialize(plaintext));
        return text.RootElement.Clone();
    }
}
