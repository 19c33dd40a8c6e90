using PassBroker.Benchmarks.Durable;

namespace PassBroker.Benchmarks.Tests.Durable;

/// <summary>What the command prints for 100,000 pending sign-ins follows from the counts by the stated arithmetic.</summary>
public sealed class ScaleProjectionTests
{
    private static readonly ScaleScenario Spike = new(100_000, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), 16, 8);

    [Fact]
    public void PerSignIn_ScalesEveryPollButTheWorkersFixedRequests()
    {
        var measured = new ShapeMeasurement("per-signin", 10, 80, 80, new Dictionary<StorageRequest, long>
        {
            [new(StorageRequest.Queue, "workitems", "put message")] = 80,
            [new(StorageRequest.Queue, "workitems", "get messages")] = 100,
            [new(StorageRequest.Queue, "control-*", "get messages")] = 160,
            [new(StorageRequest.Table, "History", "query")] = 860,
            [new(StorageRequest.Table, "Partitions", "upsert (replace)")] = 40,
            [new(StorageRequest.Blob, "applease", "lease renew")] = 7,
        });

        var projection = ScaleProjection.PerSignIn(measured, Spike);

        // 15 requests per poll (1,200 / 80) at 6,666.7 polls/s; the 47 fixed ones are not scaled. The floor leaves out
        // the 160 control-queue gets and the 20 empty work-item gets: 1,020 / 80 = 12.75 per poll.
        Assert.Equal(100_000, projection.RequestsPerSecond, 3);
        Assert.Equal(85_000, projection.FloorRequestsPerSecond, 3);
        Assert.Equal(5.0, projection.AccountShare, 3);
        Assert.Equal(6_666.667, projection.WorkItemMessagesPerSecond, 3);
        Assert.Equal(100_000 * 2_592_000.0, projection.RequestsPerMonth, 0);
    }

    [Fact]
    public void Sharded_CostsRoundsAndRowWritesNotPolls()
    {
        var measured = new ShapeMeasurement("sharded", 20, 160, 40, new Dictionary<StorageRequest, long>
        {
            [new(StorageRequest.Queue, "workitems", "put message")] = 40,
            [new(StorageRequest.Queue, "control-*", "get messages")] = 520,
            [new(StorageRequest.Table, "Partitions", "upsert (replace)")] = 4,
            [new(StorageRequest.Table, ShapeMeasurement.PendingTableName, "query")] = 40,
            [new(StorageRequest.Table, ShapeMeasurement.PendingTableName, "upsert (replace)")] = 20,
            [new(StorageRequest.Table, ShapeMeasurement.PendingTableName, "delete")] = 20,
        });

        var projection = ScaleProjection.Sharded(measured, Spike);

        // 16 shards every 5 s = 3.2 rounds/s × (14 Durable + 3 pages of ≤ 1,000 of the 2,083 rows due) = 54.4,
        // plus 833.3 sign-ins/s turning over × 2 row writes = 1,666.7; the floor leaves out the 13 control-queue gets a round.
        Assert.Equal(54.4 + 1_666.667, projection.RequestsPerSecond, 3);
        Assert.Equal((3.2 * 4) + 1_666.667, projection.FloorRequestsPerSecond, 3);
        Assert.Equal(3.2, projection.WorkItemMessagesPerSecond, 3);
        Assert.Equal(6_666.667, projection.TableEntitiesReadPerSecond, 3);
    }
}
