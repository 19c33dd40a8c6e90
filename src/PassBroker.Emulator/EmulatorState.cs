namespace PassBroker.Emulator;

/// <summary>
/// Everything the emulated Adobe Pass remembers: clients, tokens, sessions and profiles, in memory. One singleton
/// per emulator; resolve it from <c>app.Services</c> to read the counters tests assert on.
/// </summary>
/// <remarks>
/// One lock guards all of it. The emulator serves a handful of test devices, so simplicity beats contention, and
/// operations such as "issue a code and replace the device's old one" stay atomic.
/// </remarks>
public sealed partial class EmulatorState(TimeProvider timeProvider)
{
    private readonly Lock _gate = new();

    private DateTimeOffset Now => timeProvider.GetUtcNow();
}
