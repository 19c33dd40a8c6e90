namespace PassBroker.Emulator;

/// <summary>A read-only snapshot of one authentication session, for tests.</summary>
public sealed record EmulatorSessionInfo(
    string Code,
    string SessionId,
    string ServiceProvider,
    string ClientId,
    string DeviceId,
    string? Mvpd,
    string? DomainName,
    string? RedirectUrl,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    EmulatorSessionStatus Status);
