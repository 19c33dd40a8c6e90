using PassBroker.AdobePass.Dcr;
using PassBroker.Core.Devices;

namespace PassBroker.AdobePass.Management;

/// <summary>
/// PassBroker's own DCR client for the management APIs, registered on first use and kept for the life of the process,
/// with its access token renewed before expiry (single-flight). Never a device's client: a reset is the programmer's act.
/// </summary>
internal sealed class ManagementTokenProvider(DcrClient dcr, TimeProvider time) : IDisposable
{
    /// <summary>
    /// How PassBroker describes itself to DCR: not a streaming device. X-Device-Info's primaryHardwareType takes only the
    /// page's listed values, which have no "Server", so it is their "Unknown".
    /// </summary>
    private static readonly DeviceContext Server = new("passbroker-management", "passbroker-management",
        new DeviceInfo { PrimaryHardwareType = "Unknown", Model = "PassBroker", Version = "1", OsName = "Linux", OsVersion = "6", ConnectionType = "LAN" },
        new ClientEndpoint("127.0.0.1", 0));

    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClientCredentials? _credentials;
    private AccessToken? _token;

    /// <param name="stale">A token the management API just refused: get another even if it has not expired.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public async Task<string> GetAsync(string? stale, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is { } current && current.Value != stale && current.ExpiresAt - TimeSpan.FromMinutes(1) > time.GetUtcNow())
            {
                return current.Value;
            }
            _credentials ??= await dcr.RegisterAsync(Server, cancellationToken);
            _token = await dcr.RequestTokenAsync(Server, _credentials, cancellationToken);
            return _token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
