namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// A dependency the DevHost starts (Azurite, the emulator), started once whoever asks first: <c>Program</c> starts them
/// before the host (<see cref="LocalDependenciesExtensions.StartLocalDependenciesAsync"/>) so a set-up problem ends the
/// run with its message alone, not inside the host's "Hosting failed to start" log and stack trace; a host built by a
/// test starts them as ordinary hosted services.
/// </summary>
internal abstract class LocalDependency : IHostedService
{
    private Task? _start;

    public Task StartAsync(CancellationToken cancellationToken) => _start ??= StartOnceAsync(cancellationToken);

    public abstract Task StopAsync(CancellationToken cancellationToken);

    protected abstract Task StartOnceAsync(CancellationToken cancellationToken);
}
