namespace PassBroker.Core.Profiles;

/// <summary>The <c>state</c> of a profile attribute (adobe-pass-v2.md section 5.1), plus PassBroker's own.</summary>
public static class ProfileAttributeStates
{
    public const string Plain = "plain";

    /// <summary>Encrypted by Adobe for the programmer's metadata certificate (e.g. <c>zip</c>).</summary>
    public const string Encrypted = "enc";

    /// <summary>Was <c>enc</c>; PassBroker opened it with the metadata certificate before answering the app.</summary>
    public const string Decrypted = "decrypted";

    /// <summary>The <c>error</c> of an <c>enc</c> attribute no configured certificate could open.</summary>
    public const string DecryptionFailed = "decryption_failed";
}
