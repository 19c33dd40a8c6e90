namespace PassBroker.Emulator;

/// <summary>A media token the authorize endpoint issued, for tests (e.g. "a new token for every play").</summary>
public sealed record EmulatorMediaToken(
    string ServiceProvider,
    string ClientId,
    string DeviceId,
    string Mvpd,
    string Resource,
    string SerializedToken,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);
