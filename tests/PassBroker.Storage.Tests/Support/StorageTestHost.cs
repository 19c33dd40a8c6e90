using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.Core.Devices;
using PassBroker.Core.Management;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Storage.Tables;

namespace PassBroker.Storage.Tests.Support;

/// <summary>
/// The stores as a host wires them (<see cref="StorageExtensions.AddPassBrokerStorage"/>), over tables of their own:
/// every host gets a fresh table prefix unless it is handed one, so tests never see each other's rows.
/// </summary>
internal sealed class StorageTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private StorageTestHost(IHost host, string connectionString, string prefix, TestDataKeys keys)
    {
        _host = host;
        ConnectionString = connectionString;
        Prefix = prefix;
        Keys = keys;
    }

    public string ConnectionString { get; }
    public string Prefix { get; }
    public TestDataKeys Keys { get; }
    public IServiceProvider Services => _host.Services;
    public IDeviceStore Devices => Services.GetRequiredService<IDeviceStore>();
    public ISessionStore Sessions => Services.GetRequiredService<ISessionStore>();
    public IProfileCache Profiles => Services.GetRequiredService<IProfileCache>();
    public IDecisionCache Decisions => Services.GetRequiredService<IDecisionCache>();
    public IPlayStore Plays => Services.GetRequiredService<IPlayStore>();
    public IManagementClientStore ManagementClients => Services.GetRequiredService<IManagementClientStore>();

    public static async Task<StorageTestHost> StartAsync(string connectionString, TestDataKeys? keys = null, string? prefix = null)
    {
        keys ??= TestDataKeys.Create("k1");
        prefix ??= "t" + Guid.NewGuid().ToString("N");
        var configuration = keys.ToConfiguration();
        configuration["Storage:ConnectionString"] = connectionString;
        configuration["Storage:TablePrefix"] = prefix;

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Services.AddLogging();
        builder.AddPassBrokerStorage();
        var host = builder.Build();
        await host.StartAsync();
        return new StorageTestHost(host, connectionString, prefix, keys);
    }

    /// <summary>Another host over the same tables, e.g. after the data keys rotated.</summary>
    public Task<StorageTestHost> WithKeysAsync(TestDataKeys keys) => StartAsync(ConnectionString, keys, Prefix);

    /// <summary>The table as the SDK sees it, bypassing the stores: to read and tamper with rows as stored.</summary>
    public TableClient RawTable(string logicalName) => new TableServiceClient(ConnectionString).GetTableClient(Prefix + logicalName);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    /// <summary>Deletes this prefix's tables; Azurite keeps everything in memory for the whole run otherwise.</summary>
    public async Task DeleteTablesAsync()
    {
        foreach (var table in (string[])[StorageTables.Devices, StorageTables.Sessions, StorageTables.SessionCodes, StorageTables.Profiles, StorageTables.Decisions, StorageTables.Plays, StorageTables.PendingSignIns])
        {
            await RawTable(table).DeleteAsync();
        }
    }
}
