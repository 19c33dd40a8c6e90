using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.Extensions.Logging.Abstractions;

namespace PassBroker.Benchmarks.Durable;

/// <summary>
/// The Durable Task Framework's Azure Storage provider on one Azurite, as the Functions host runs it for
/// <c>storageProvider.type = AzureStorage</c> (its defaults: 4 partitions, 30 s maximum queue polling interval), with
/// every blob, queue and table client built with the counting policy. A second, uncounted client watches the
/// orchestrations, so waiting for the end adds nothing to the counts.
/// </summary>
internal sealed class DurableTaskHub : IAsyncDisposable
{
    private DurableTaskHub(AzureStorageOrchestrationService service, TaskHubWorker worker, TaskHubClient client, TaskHubClient watcher)
    {
        Service = service;
        Worker = worker;
        Client = client;
        Watcher = watcher;
    }

    public AzureStorageOrchestrationService Service { get; }

    public TaskHubWorker Worker { get; }

    /// <summary>Starts orchestrations; counted, since starting is part of a sign-in's cost.</summary>
    public TaskHubClient Client { get; }

    /// <summary>Reads orchestration states for the benchmark's own waiting; not counted.</summary>
    public TaskHubClient Watcher { get; }

    public static async Task<DurableTaskHub> CreateAsync(string connectionString, string taskHub, DurableStorageSettings settings, StorageRequestCounter counter)
    {
        var service = new AzureStorageOrchestrationService(Settings(taskHub, settings, CountedClients(connectionString, counter)));
        await service.CreateIfNotExistsAsync();
        var watcherService = new AzureStorageOrchestrationService(Settings(taskHub, settings, new StorageAccountClientProvider(connectionString)));
        var worker = new TaskHubWorker(service, NullLoggerFactory.Instance);
        return new DurableTaskHub(service, worker, new TaskHubClient(service, loggerFactory: NullLoggerFactory.Instance), new TaskHubClient(watcherService, loggerFactory: NullLoggerFactory.Instance));
    }

    /// <summary>A table client of the same account whose requests are counted (PassBroker's own tables).</summary>
    public static TableServiceClient CountedTables(string connectionString, StorageRequestCounter counter)
    {
        var options = new TableClientOptions();
        options.AddPolicy(counter.PolicyFor(StorageRequest.Table), HttpPipelinePosition.PerRetry);
        return new TableServiceClient(connectionString, options);
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.StopAsync(isForced: true);
        Worker.Dispose();
    }

    private static StorageAccountClientProvider CountedClients(string connectionString, StorageRequestCounter counter)
    {
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(counter.PolicyFor(StorageRequest.Blob), HttpPipelinePosition.PerRetry);
        var queues = new QueueClientOptions();
        queues.AddPolicy(counter.PolicyFor(StorageRequest.Queue), HttpPipelinePosition.PerRetry);
        var tables = new TableClientOptions();
        tables.AddPolicy(counter.PolicyFor(StorageRequest.Table), HttpPipelinePosition.PerRetry);
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connectionString, blobs),
            StorageServiceClientProvider.ForQueue(connectionString, queues),
            StorageServiceClientProvider.ForTable(connectionString, tables));
    }

    private static AzureStorageOrchestrationServiceSettings Settings(
        string taskHub, DurableStorageSettings settings, StorageAccountClientProvider clients) => new()
    {
        StorageAccountClientProvider = clients,
        TaskHubName = taskHub,
        PartitionCount = settings.Partitions,
        MaxQueuePollingInterval = settings.MaxQueuePollingInterval,
        LoggerFactory = NullLoggerFactory.Instance,
    };
}
