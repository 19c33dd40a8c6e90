using PassBroker.DevHost.LocalDependencies;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.LocalRun;

/// <summary>How the DevHost tells its checkout's Azurite from another one on the same port (real Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteIdentityTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _ours = Directory.CreateTempSubdirectory("azurite-ours-").FullName;
    private readonly string _theirs = Directory.CreateTempSubdirectory("azurite-theirs-").FullName;

    [Fact]
    public async Task AnAzuriteIsOurs_OnlyWhenItServesTheIdOfOurDataFolder()
    {
        Assert.False(await AzuriteIdentity.IsOursAsync(azurite.Port, _ours, CancellationToken.None));

        await AzuriteIdentity.StampAsync(azurite.Port, _ours, CancellationToken.None);

        Assert.True(await AzuriteIdentity.IsOursAsync(azurite.Port, _ours, CancellationToken.None));
        Assert.False(await AzuriteIdentity.IsOursAsync(azurite.Port, _theirs, CancellationToken.None));
    }

    [Fact]
    public async Task AServerThatIsNoTableService_IsNotOurs()
    {
        await AzuriteIdentity.StampAsync(azurite.Port, _ours, CancellationToken.None);
        using var stranger = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        stranger.Start();
        var port = ((System.Net.IPEndPoint)stranger.LocalEndpoint).Port;

        // It accepts the connection and never answers: the check gives up quickly instead of hanging the start.
        var answer = AzuriteIdentity.IsOursAsync(port, _ours, CancellationToken.None);

        Assert.False(await answer.WaitAsync(TimeSpan.FromSeconds(20)));
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _ours, _theirs })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
