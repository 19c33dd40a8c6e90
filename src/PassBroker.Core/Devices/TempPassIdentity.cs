namespace PassBroker.Core.Devices;

/// <summary>What goes upstream in <c>AP-TempPass-Identity</c>: the configured key and the e-mail hash, never the e-mail.</summary>
/// <param name="Key">The "User Information Key" configured with Adobe, e.g. <c>email</c>.</param>
/// <param name="Hash">SHA-256 hex of the normalized e-mail.</param>
public sealed record TempPassIdentity(string Key, string Hash);
