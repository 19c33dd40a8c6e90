using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Emulator.State;

/// <summary>Client credentials DCR handed out; they never expire.</summary>
internal sealed record RegisteredClient(
    string ClientId,
    string ClientSecret,
    DateTimeOffset IssuedAt,
    IReadOnlyList<string> RedirectUris)
{
    // Constant-time, so the emulator does not teach clients to rely on a timing side channel.
    public bool SecretMatches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(ClientSecret));
}
