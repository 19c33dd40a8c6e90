using System.Security.Cryptography;

namespace PassBroker.Storage.Encryption;

/// <summary>
/// A sealed secret in storage cannot be opened: its key version is unknown, or it was altered or moved to another row
/// or column. Never returned as null, because a device without its secret would silently register again.
/// </summary>
public sealed class SealedValueException : CryptographicException
{
    public SealedValueException() { }
    public SealedValueException(string message) : base(message) { }
    public SealedValueException(string message, Exception innerException) : base(message, innerException) { }
}
