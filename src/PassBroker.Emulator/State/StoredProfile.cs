namespace PassBroker.Emulator.State;

/// <summary>
/// An authenticated profile (adobe-pass-v2.md section 5.1). <c>Code</c> is the authentication code whose login
/// created it, so polling by code finds only its own profile; <c>Attributes</c> hold strings or string arrays.
/// <c>Username</c> is the test user who signed in, whose entitlements the emulated MVPD's decisions follow.
/// </summary>
internal sealed record StoredProfile(
    ProfileKey Key,
    string Code,
    string Issuer,
    string Type,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    IReadOnlyDictionary<string, object> Attributes,
    string Username)
{
    public bool IsValid(DateTimeOffset now) => now >= NotBefore && now < NotAfter;
}
