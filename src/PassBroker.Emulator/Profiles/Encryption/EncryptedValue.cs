namespace PassBroker.Emulator.Profiles.Encryption;

/// <summary>An attribute value Adobe encrypted for the programmer: sent as a string with <c>state: "enc"</c>.</summary>
internal sealed record EncryptedValue(string Text);
