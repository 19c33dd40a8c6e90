using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Emulator.State;

/// <summary>
/// Client credentials DCR handed out; they never expire. <c>ServiceProviders</c> are those the software statement's
/// registered application was linked to when the client registered: its tokens work there and nowhere else.
/// </summary>
internal sealed record RegisteredClient(
    string ClientId,
    string ClientSecret,
    DateTimeOffset IssuedAt,
    IReadOnlyList<string> RedirectUris,
    IReadOnlySet<string> ServiceProviders)
{
    // Constant-time, so the emulator does not teach clients to rely on a timing side channel.
    public bool SecretMatches(string candidate) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(ClientSecret));
}
