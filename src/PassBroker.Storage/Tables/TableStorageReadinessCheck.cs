using Azure.Data.Tables;
using PassBroker.Core.Common;

namespace PassBroker.Storage.Tables;

/// <summary>Health: Table Storage answers a one-row table listing.</summary>
internal sealed class TableStorageReadinessCheck(TableServiceClient service) : IReadinessCheck
{
    public string Name => "storage";

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        await using var pages = service.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages().GetAsyncEnumerator(cancellationToken);
        await pages.MoveNextAsync();
        return true;
    }
}
