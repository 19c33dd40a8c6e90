namespace PassBroker.Emulator;

/// <summary>
/// A read-only snapshot of one TempPass trial, for tests. <c>MaxResources</c> and <c>RemainingResources</c> are null
/// for basic TempPass; <c>Keys</c> are the identifier hashes exactly as sent in <c>AP-TempPass-Identity</c>.
/// </summary>
public sealed record EmulatorTempPassTrial(
    string UserId,
    string ServiceProvider,
    string Mvpd,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    int? MaxResources,
    int? RemainingResources,
    IReadOnlyList<string> DeviceIds,
    IReadOnlyList<string> Keys,
    IReadOnlyList<string> UsedAssets,
    bool Expired);
