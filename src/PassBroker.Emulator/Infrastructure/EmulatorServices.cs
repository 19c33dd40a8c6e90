using Microsoft.Extensions.Options;
using PassBroker.Emulator.Profiles.Encryption;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>The services most handlers need, bound with <c>[AsParameters]</c> to keep handler signatures short.</summary>
internal sealed record EmulatorServices(
    EmulatorState State,
    IOptions<EmulatorOptions> Options,
    TimeProvider Time,
    ILogger<EmulatorState> Logger,
    MetadataEncryptor Metadata)
{
    public EmulatorOptions Settings => Options.Value;
}
