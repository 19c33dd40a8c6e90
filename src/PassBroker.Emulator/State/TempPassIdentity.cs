namespace PassBroker.Emulator.State;

/// <summary>
/// Who asks for temporary access: the decoded <c>AP-Device-Identifier</c> and, for promotional TempPass, the
/// identifier hash from <c>AP-TempPass-Identity</c> (opaque; compared exactly as sent).
/// </summary>
/// <remarks>
/// Not bound to the DCR client, unlike profiles: Adobe counts trials per device (adobe-pass-v2.md section 6.3), so
/// registering the app again must not start a fresh trial.
/// </remarks>
internal readonly record struct TempPassIdentity(string ServiceProvider, string Mvpd, string DeviceId, string? Key);
