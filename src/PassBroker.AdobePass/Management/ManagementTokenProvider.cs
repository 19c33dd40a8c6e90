using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass.Dcr;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Management;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Management;

/// <summary>
/// The access token of PassBroker's own DCR client for the management APIs, a client kept like a device's: registered
/// once and stored (<see cref="IManagementClientStore"/>), then reused by every instance and after every restart. A
/// token still fresh (<see cref="AdobePassOptions.TokenRefreshMargin"/>) is taken from memory or the stored row, else
/// one is requested with the stored credentials. A new client is registered only when none is stored or DCR refuses
/// the stored one as <c>invalid_client</c>. One flight at a time per process. Never a device's client: a reset is the
/// programmer's act.
/// </summary>
internal sealed class ManagementTokenProvider(
    DcrClient dcr,
    IManagementClientStore store,
    IOptions<AdobePassOptions> options,
    TimeProvider time,
    ILogger<ManagementTokenProvider> logger) : IDisposable
{
    // PassBroker as the caller of DCR (AdobePass:ManagementClient), never a device. It has no device address to forward:
    // loopback names no device, and keeps Adobe's per-IP throttle for these rare calls apart from every device's.
    private readonly DeviceContext _server = new("passbroker-management", "passbroker-management",
        options.Value.ManagementClient.ToDeviceInfo(), new ClientEndpoint("127.0.0.1", null));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _token;

    /// <param name="stale">A token the management API just refused: get another even if it has not expired.</param>
    /// <param name="cancellationToken">The caller's cancellation (while waiting for another caller's flight).</param>
    public async Task<string> GetAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is not { } known || !IsUsable(known, stale))
            {
                // Not cancelled once started: a client registered at Adobe but never stored would be lost.
                _token = await LoadAsync(stale, CancellationToken.None);
            }
            return _token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsUsable(AccessToken token, string? stale) =>
        token.Value != stale && token.IsFreshAt(time.GetUtcNow(), options.Value.TokenRefreshMargin);

    private async Task<AccessToken> LoadAsync(string? stale, CancellationToken cancellationToken)
    {
        var client = await store.FindAsync(cancellationToken) ?? await RegisterAsync(null, cancellationToken);
        // Stored by this process before a restart, or by another instance: good for everyone, no call to Adobe.
        if (client.AccessToken is { } stored && IsUsable(stored, stale))
        {
            return stored;
        }
        AccessToken token;
        try
        {
            token = await dcr.RequestTokenAsync(_server, client.Credentials, cancellationToken);
        }
        catch (AdobePassException e) when (e.Code == UpstreamErrorCodes.InvalidClient)
        {
            // Adobe no longer knows the client (revoked, or stored for another environment): the one case for a new one.
            logger.ManagementClientRefused(client.Credentials.ClientId);
            client = await RegisterAsync(client, cancellationToken);
            token = await dcr.RequestTokenAsync(_server, client.Credentials, cancellationToken);
        }
        logger.ManagementTokenIssued(client.Credentials.ClientId, token.ExpiresAt);
        await SaveAsync(client, token, cancellationToken);
        return token;
    }

    /// <summary>
    /// Registers a client and stores it in place of <paramref name="refused"/> (null: none stored yet). When another
    /// instance stored a client first, that one is used and ours is never stored: an unused client at Adobe, the cost
    /// of two instances needing the first token at the same instant (it holds no profiles, so it signs nobody out).
    /// </summary>
    private async Task<ManagementClientRecord> RegisterAsync(ManagementClientRecord? refused, CancellationToken cancellationToken)
    {
        var registered = new ManagementClientRecord { Credentials = await dcr.RegisterAsync(_server, cancellationToken), RegisteredAt = time.GetUtcNow() };
        var current = refused;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var stored = current is null
                    ? await store.AddAsync(registered, cancellationToken)
                    : await store.UpdateAsync(registered with { ETag = current.ETag }, cancellationToken);
                logger.ManagementClientRegistered(stored.Credentials.ClientId);
                return stored;
            }
            catch (ConcurrencyConflictException) when (attempt < 2)
            {
                current = await store.FindAsync(cancellationToken);
                // Only a token saved for the refused client changed the row (or it is gone): ours still replaces it.
                if (current is not null && current.Credentials.ClientId != refused?.Credentials.ClientId)
                {
                    logger.ManagementClientRaceLost(registered.Credentials.ClientId, current.Credentials.ClientId);
                    return current;
                }
            }
        }
    }

    // Stores the token so other instances and restarts reuse it. A row changed meanwhile is read again: a fresh token
    // there stays, and a token is never written next to another client than the one it was issued to.
    private async Task SaveAsync(ManagementClientRecord client, AccessToken token, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await store.UpdateAsync(client with { AccessToken = token }, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException)
            {
                var current = await store.FindAsync(cancellationToken);
                if (current is null || current.Credentials.ClientId != client.Credentials.ClientId
                    || current.AccessToken is { } theirs && IsUsable(theirs, null))
                {
                    return;
                }
                client = current;
            }
        }
    }
}
