using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private readonly Dictionary<string, RegisteredClient> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IssuedAccessToken> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _tokensIssued = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revokedClients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _registrationsByServiceProvider = new(StringComparer.Ordinal);
    private int _registrationCount;

    /// <summary>How many times <c>/o/client/register</c> succeeded.</summary>
    public int RegistrationCount
    {
        get
        {
            lock (_gate)
            {
                return _registrationCount;
            }
        }
    }

    /// <summary>
    /// Registrations so far, by service provider: a client counts once for each provider its software statement is
    /// linked to, so a test can see one DCR client per device and brand.
    /// </summary>
    public IReadOnlyDictionary<string, int> GetRegistrationsByServiceProvider()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_registrationsByServiceProvider, StringComparer.Ordinal);
        }
    }

    /// <summary>How many access tokens <c>/o/client/token</c> issued to <paramref name="clientId"/>.</summary>
    public int GetTokensIssued(string clientId)
    {
        lock (_gate)
        {
            return _tokensIssued.GetValueOrDefault(clientId);
        }
    }

    /// <summary>Access tokens issued so far, by client id.</summary>
    public IReadOnlyDictionary<string, int> GetTokensIssuedByClient()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_tokensIssued, StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// Marks a client as no longer allowed, as when Adobe revokes its software statement. Only the management API
    /// (TempPass reset) honours it, with HTTP 403 ("get new client credentials"); REST API V2 keeps accepting its tokens.
    /// </summary>
    /// <returns>False when no client has that id.</returns>
    public bool RevokeClient(string clientId)
    {
        lock (_gate)
        {
            if (!_clients.ContainsKey(clientId))
            {
                return false;
            }

            _revokedClients.Add(clientId);
            return true;
        }
    }

    internal bool IsClientRevoked(string clientId)
    {
        lock (_gate)
        {
            return _revokedClients.Contains(clientId);
        }
    }

    internal RegisteredClient RegisterClient(IReadOnlyList<string> redirectUris, IReadOnlySet<string> serviceProviders)
    {
        var client = new RegisteredClient(RandomIds.NewOpaqueId(), RandomIds.NewSecret(), Now, redirectUris, serviceProviders);
        lock (_gate)
        {
            _clients.Add(client.ClientId, client);
            _registrationCount++;
            foreach (var serviceProvider in serviceProviders)
            {
                _registrationsByServiceProvider[serviceProvider] = _registrationsByServiceProvider.GetValueOrDefault(serviceProvider) + 1;
            }
        }

        return client;
    }

    /// <returns>The new token, or null when the client is unknown or the secret is wrong.</returns>
    internal IssuedAccessToken? IssueAccessToken(string clientId, string clientSecret, TimeSpan lifetime)
    {
        var now = Now;
        lock (_gate)
        {
            if (!_clients.TryGetValue(clientId, out var client) || !client.SecretMatches(clientSecret))
            {
                return null;
            }

            var token = new IssuedAccessToken(RandomIds.NewOpaqueId(), RandomIds.NewSecret(), clientId, client.ServiceProviders, now, now + lifetime);
            _accessTokens.Add(token.Value, token);
            _tokensIssued[clientId] = _tokensIssued.GetValueOrDefault(clientId) + 1;
            return token;
        }
    }

    internal IssuedAccessToken? FindAccessToken(string value)
    {
        lock (_gate)
        {
            return _accessTokens.GetValueOrDefault(value);
        }
    }
}
