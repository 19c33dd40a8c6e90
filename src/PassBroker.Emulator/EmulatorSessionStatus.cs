using System.Text.Json.Serialization;

namespace PassBroker.Emulator;

/// <summary>Where an authentication code stands, as the test hooks report it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EmulatorSessionStatus>))]
public enum EmulatorSessionStatus
{
    /// <summary>Valid; nobody has signed in with it yet.</summary>
    Pending,

    /// <summary>Valid; the MVPD login created a profile through it.</summary>
    Authenticated,

    /// <summary>Past its <c>notAfter</c>, or expired early by a test.</summary>
    Expired,

    /// <summary>A newer code was issued to the same device.</summary>
    Replaced,
}
