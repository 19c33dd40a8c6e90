using System.Text.Json;
using PassBroker.Emulator.Sessions;

namespace PassBroker.Emulator.State;

/// <summary>
/// An authentication session identified by its code (adobe-pass-v2.md section 4.3). Immutable: the store swaps
/// in a new instance under its lock, so readers never see a half-updated session.
/// </summary>
internal sealed record AuthenticationSession(
    string Code,
    string SessionId,
    DeviceKey Device,
    JsonElement DeviceInfo,
    SessionParameters Parameters,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    /// <summary>A newer code was issued to the same device, which invalidates this one.</summary>
    public bool Replaced { get; init; }

    /// <summary>The profile the MVPD login created through this code, if the user has signed in.</summary>
    public ProfileKey? Profile { get; init; }

    public bool IsActive(DateTimeOffset now) => !Replaced && now < NotAfter;

    public EmulatorSessionStatus StatusAt(DateTimeOffset now) => this switch
    {
        { Replaced: true } => EmulatorSessionStatus.Replaced,
        _ when now >= NotAfter => EmulatorSessionStatus.Expired,
        { Profile: not null } => EmulatorSessionStatus.Authenticated,
        _ => EmulatorSessionStatus.Pending,
    };

    public EmulatorSessionInfo ToInfo(DateTimeOffset now) => new(
        Code,
        SessionId,
        Device.ServiceProvider,
        Device.ClientId,
        Device.DeviceId,
        Parameters.Mvpd,
        Parameters.DomainName,
        Parameters.RedirectUrl,
        NotBefore,
        NotAfter,
        StatusAt(now));
}
