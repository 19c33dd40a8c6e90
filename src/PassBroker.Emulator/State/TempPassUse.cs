namespace PassBroker.Emulator.State;

/// <summary>What authorizing one resource did to a trial.</summary>
internal enum TempPassUse
{
    Permitted,
    DurationLimitExceeded,
    ResourcesLimitExceeded,
}
