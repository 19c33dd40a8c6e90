using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PassBroker.AdobePass.Brands;
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
/// the stored one as <c>invalid_client</c>. One client per brand, registered with the brand's software statement (a
/// reset acts on the brand's service provider), and one flight at a time per brand and process. Never a device's
/// client: a reset is the programmer's act.
/// </summary>
internal sealed class ManagementTokenProvider(
    DcrClient dcr,
    IManagementClientStore store,
    BrandedAdobePassOptions options,
    TimeProvider time,
    ILogger<ManagementTokenProvider> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, BrandClient> _brands = new(StringComparer.Ordinal);

    /// <param name="brand">The brand whose client calls (<see cref="Core.Brands.BrandKeys"/>).</param>
    /// <param name="stale">A token the management API just refused: get another even if it has not expired.</param>
    /// <param name="cancellationToken">The caller's cancellation (while waiting for another caller's flight).</param>
    public async Task<string> GetAsync(string brand, string? stale, CancellationToken cancellationToken)
    {
        var client = _brands.GetOrAdd(brand, b => new BrandClient(Server(b)));
        await client.Gate.WaitAsync(cancellationToken);
        try
        {
            if (client.Token is not { } known || !IsUsable(known, stale))
            {
                // Not cancelled once started: a client registered at Adobe but never stored would be lost.
                client.Token = await LoadAsync(client.Server, stale, CancellationToken.None);
            }
            return client.Token.Value;
        }
        finally
        {
            client.Gate.Release();
        }
    }

    public void Dispose()
    {
        foreach (var client in _brands.Values)
        {
            client.Gate.Dispose();
        }
    }

    // PassBroker as the caller of DCR (AdobePass:ManagementClient of the brand), never a device. It has no device address
    // to forward: loopback names no device, and keeps Adobe's per-IP throttle for these rare calls apart from every device's.
    private DeviceContext Server(string brand) => new("passbroker-management", "passbroker-management",
        options.For(brand).ManagementClient.ToDeviceInfo(), new ClientEndpoint("127.0.0.1", null)) { Brand = brand };

    private bool IsUsable(AccessToken token, string? stale) =>
        token.Value != stale && token.IsFreshAt(time.GetUtcNow(), options.Deployment.TokenRefreshMargin);

    private async Task<AccessToken> LoadAsync(DeviceContext server, string? stale, CancellationToken cancellationToken)
    {
        var client = await store.FindAsync(server.Brand, cancellationToken) ?? await RegisterAsync(server, null, cancellationToken);
        // Stored by this process before a restart, or by another instance: good for everyone, no call to Adobe.
        if (client.AccessToken is { } stored && IsUsable(stored, stale))
        {
            return stored;
        }
        AccessToken token;
        try
        {
            token = await dcr.RequestTokenAsync(server, client.Credentials, cancellationToken);
        }
        catch (AdobePassException e) when (e.Code == UpstreamErrorCodes.InvalidClient)
        {
            // Adobe no longer knows the client (revoked, or stored for another environment): the one case for a new one.
            logger.ManagementClientRefused(client.Credentials.ClientId);
            client = await RegisterAsync(server, client, cancellationToken);
            token = await dcr.RequestTokenAsync(server, client.Credentials, cancellationToken);
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
    private async Task<ManagementClientRecord> RegisterAsync(DeviceContext server, ManagementClientRecord? refused, CancellationToken cancellationToken)
    {
        var registered = new ManagementClientRecord
        {
            Credentials = await dcr.RegisterAsync(server, cancellationToken), Brand = server.Brand, RegisteredAt = time.GetUtcNow(),
        };
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
                current = await store.FindAsync(server.Brand, cancellationToken);
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
                var current = await store.FindAsync(client.Brand, cancellationToken);
                if (current is null || current.Credentials.ClientId != client.Credentials.ClientId
                    || current.AccessToken is { } theirs && IsUsable(theirs, null))
                {
                    return;
                }
                client = current;
            }
        }
    }

    /// <summary>One brand's client on this instance: its identity to DCR, its one flight at a time, its last token.</summary>
    private sealed class BrandClient(DeviceContext server)
    {
        public DeviceContext Server { get; } = server;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public AccessToken? Token { get; set; }
    }
}
