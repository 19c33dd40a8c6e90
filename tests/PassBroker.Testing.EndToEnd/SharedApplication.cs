using System.Collections.Concurrent;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Testing.EndToEnd;

/// <summary>
/// One <see cref="PassBrokerApplication"/> for all the tests of a class (<c>IClassFixture&lt;SharedApplication&gt;</c>),
/// for classes whose tests only read, or whose changes are their own by construction: a stack starts in seconds, a
/// request takes milliseconds. Not for tests that move the clock, restart a host or break something: those disturb
/// the others, and keep an application of their own. The upstream contract is checked once, when the class is done.
/// </summary>
public sealed class SharedApplication(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();

    public PassBrokerApplication App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A client for <paramref name="deviceId"/>, registered by the first test that asks (registering it again
    /// would need its token as proof).</summary>
    public async Task<HttpClient> DeviceAsync(string deviceId)
    {
        var token = await _tokens.GetOrAdd(deviceId, id => new Lazy<Task<string>>(() => RegisterAsync(id))).Value;
        return App.CreateClient(token);
    }

    private async Task<string> RegisterAsync(string deviceId)
    {
        var (client, token, _) = await App.RegisterDeviceAsync(deviceId);
        client.Dispose();
        return token;
    }
}
