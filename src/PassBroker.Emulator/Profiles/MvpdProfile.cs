using PassBroker.Emulator.Profiles.Encryption;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Profiles;

/// <summary>OpenAPI <c>MvpdProfileResponse</c>. <c>notBefore</c>/<c>notAfter</c> are JSON numbers of epoch ms here.</summary>
internal sealed record MvpdProfile(
    long NotBefore,
    long NotAfter,
    string Issuer,
    string Type,
    IReadOnlyDictionary<string, UserMetadataValue> Attributes)
{
    private const string PlainState = "plain";
    private const string EncryptedState = "enc";

    public static MvpdProfile From(StoredProfile profile) => new(
        profile.NotBefore.ToUnixTimeMilliseconds(),
        profile.NotAfter.ToUnixTimeMilliseconds(),
        profile.Issuer,
        profile.Type,
        profile.Attributes.ToDictionary(a => a.Key, a => a.Value is EncryptedValue encrypted
                ? new UserMetadataValue(encrypted.Text, EncryptedState)
                : new UserMetadataValue(a.Value, PlainState),
            StringComparer.Ordinal));
}
