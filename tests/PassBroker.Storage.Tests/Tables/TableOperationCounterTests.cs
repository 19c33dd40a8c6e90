using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PassBroker.Storage.Tests.Support;
using PassBroker.Testing.Hosting.Azurite;
using PassBroker.Testing.Hosting.Storage;

namespace PassBroker.Storage.Tests.Tables;

/// <summary>The test-side Table request counter, added to the client options of the storage registration by the test.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableOperationCounterTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CountIn_StorageRegistration_CountsReadsAndWritesOfItsClient()
    {
        // The hook lives with the tests; production registers nothing for it.
        var counter = new TableOperationCounter();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(TestDataKeys.Create("k1").ToConfiguration());
        builder.Configuration["Storage:ConnectionString"] = azurite.ConnectionString;
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        counter.CountIn(builder.Services);
        using var host = builder.Build();
        var table = host.Services.GetRequiredService<TableServiceClient>().GetTableClient("t" + Guid.NewGuid().ToString("N"));

        await table.CreateIfNotExistsAsync();
        await table.GetEntityIfExistsAsync<TableEntity>("p", "r");
        await table.DeleteAsync();

        Assert.Equal((1, 2), (counter.Reads, counter.Writes));
    }
}
