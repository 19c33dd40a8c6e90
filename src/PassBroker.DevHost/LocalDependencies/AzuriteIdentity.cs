using Azure;
using Azure.Core;
using Azure.Data.Tables;
using PassBroker.LocalAzurite;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Tells this checkout's Azurite from anything else listening on its port. When the DevHost starts Azurite it writes a
/// random id into a file of Azurite's data folder and into a row of Azurite itself; an Azurite found already running
/// is ours only when it serves that row with the id the folder holds (say it outlived a killed DevHost). Another
/// checkout's Azurite, an in-memory one, or another server altogether is not, and the DevHost refuses to start rather
/// than put its devices and sign-ins in someone else's storage.
/// </summary>
public static class AzuriteIdentity
{
    public const string TableName = "passbrokerdevhost";
    public const string FileName = "passbroker-devhost.id";
    private const string PartitionKey = "azurite";
    private const string RowKey = "identity";
    private const string IdProperty = "Id";

    /// <summary>Gives the Azurite on <paramref name="port"/> the identity of its data folder <paramref name="location"/>.</summary>
    public static async Task StampAsync(int port, string location, CancellationToken cancellationToken)
    {
        var path = Path.Combine(location, FileName);
        if (!File.Exists(path))
        {
            await File.WriteAllTextAsync(path, Guid.NewGuid().ToString("N"), cancellationToken);
        }
        var id = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        var table = Table(port);
        await table.CreateIfNotExistsAsync(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(PartitionKey, RowKey) { [IdProperty] = id }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>True when what listens on <paramref name="port"/> is the Azurite whose data is in <paramref name="location"/>.</summary>
    public static async Task<bool> IsOursAsync(int port, string location, CancellationToken cancellationToken)
    {
        var path = Path.Combine(location, FileName);
        if (!File.Exists(path))
        {
            return false;
        }
        var id = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
        try
        {
            var row = await Table(port).GetEntityIfExistsAsync<TableEntity>(PartitionKey, RowKey, [IdProperty], cancellationToken);
            return row.HasValue && row.Value!.GetString(IdProperty) == id;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or OperationCanceledException or InvalidOperationException
            && !cancellationToken.IsCancellationRequested)
        {
            // Not a Table service (another server, or one that never answers): certainly not ours.
            return false;
        }
    }

    private static TableClient Table(int port)
    {
        // One quick try: the question is only whether this port serves our row, and a stranger may never answer.
        var options = new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(3), Mode = RetryMode.Fixed } };
        return new TableClient(AzuriteProcess.ConnectionStringFor(port), TableName, options);
    }
}
