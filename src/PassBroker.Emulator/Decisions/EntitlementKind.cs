namespace PassBroker.Emulator.Decisions;

/// <summary>What the emulated MVPD answers for one resource.</summary>
internal enum EntitlementKind
{
    Permit,
    Deny,
    ParentalControls,
    Timeout,

    /// <summary>Times out for the first <see cref="Entitlement.Timeouts"/> requests of a login, then permits.</summary>
    TimeoutThenPermit,
}
