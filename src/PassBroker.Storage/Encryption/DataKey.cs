namespace PassBroker.Storage.Encryption;

/// <summary>One version of the data key: 32 bytes for AES-256-GCM.</summary>
/// <param name="Version">The name sealed values carry to find their key again; no <c>:</c> in it.</param>
/// <param name="Material">The key bytes. Never logged: the record's text form shows only their count.</param>
public sealed record DataKey(string Version, ReadOnlyMemory<byte> Material)
{
    public const int SizeInBytes = 32;
}
