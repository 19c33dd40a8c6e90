namespace PassBroker.Core.Profiles;

/// <summary>
/// An encrypted user-metadata value cannot be opened: no certificate is configured, none of them fits, the format is not
/// one PassBroker reads, or the value was altered. The message says which, and never holds the value.
/// </summary>
public sealed class MetadataDecryptionException : Exception
{
    public MetadataDecryptionException() { }
    public MetadataDecryptionException(string message) : base(message) { }
    public MetadataDecryptionException(string message, Exception innerException) : base(message, innerException) { }
}
