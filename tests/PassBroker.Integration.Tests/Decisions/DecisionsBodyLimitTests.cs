using System.Net;
using System.Net.Http.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Decisions;

/// <summary>The server's own body cap follows <c>Http:MaxResourcesBodyBytes</c>: a body the route accepts is never cut off.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecisionsBodyLimitTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, "--Http:MaxResourcesBodyBytes=262144");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Preauthorize_BodyOfAHundredKilobytes_IsDecided()
    {
        var (tv, _, _) = await _app.RegisterDeviceAsync("mrss-tv");
        await _app.SignInAsync(tv, "alice", "alice-pw");
        // 13 MRSS-sized resources, about 104 KB: over the 64 KB Kestrel cap the DevHost used to set on its own.
        var resources = Enumerable.Range(1, 13).Select(i => $"<rss><channel><title>Show {i}</title>{new string('x', 8000)}</channel></rss>").ToArray();

        var response = await tv.PostAsJsonAsync("/api/decisions/preauthorize", new { resources });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([5, 5, 3], _app.Emulator.State().GetPreauthorizeResourceCounts());
    }
}
