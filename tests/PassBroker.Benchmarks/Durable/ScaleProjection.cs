using PassBroker.Storage.Tables;

namespace PassBroker.Benchmarks.Durable;

/// <summary>The load to project to: <paramref name="SignIns"/> pending at once, each polled every
/// <paramref name="PollInterval"/>; the sharded shape with <paramref name="Shards"/> shards waking every <paramref name="Tick"/>.</summary>
internal sealed record ScaleScenario(int SignIns, TimeSpan PollInterval, TimeSpan Tick, int Shards, int PollsPerSignIn)
{
    public int Slots => (int)(PollInterval.Ticks / Tick.Ticks);

    /// <summary>Polls per second: every pending sign-in once per interval, whatever the shape.</summary>
    public double PollsPerSecond => SignIns / PollInterval.TotalSeconds;

    /// <summary>Sign-ins started (and ended) per second while <see cref="SignIns"/> stay pending, each for
    /// <see cref="PollsPerSignIn"/> polls.</summary>
    public double TurnoverPerSecond => PollsPerSecond / PollsPerSignIn;
}

/// <summary>What one shape's run counted: every storage request in the window from the first start to the last
/// sign-in's end, the polls made in it, and (sharded) the shard rounds.</summary>
internal sealed record ShapeMeasurement(string Shape, int SignIns, long Polls, long Rounds, IReadOnlyDictionary<StorageRequest, long> Requests)
{
    /// <summary>The product's pending-sign-in table, as the counter names it (the run uses no table prefix).</summary>
    public const string PendingTableName = StorageTables.PendingSignIns;

    /// <summary>How long the window lasted, when it was a fixed time (the idle shards' run).</summary>
    public TimeSpan? Window { get; init; }

    public long Total => Requests.Values.Sum();

    /// <summary>PassBroker's own pending-sign-in table (sharded shape); everything else is the Durable provider's.</summary>
    public long PendingTable(string? operation = null) => Requests
        .Where(r => r.Key.Service == StorageRequest.Table && r.Key.Resource == PendingTableName && (operation is null || r.Key.Operation.StartsWith(operation, StringComparison.Ordinal)))
        .Sum(r => r.Value);

    public long Durable => Total - PendingTable();

    /// <summary>What a worker spends whatever the number of sign-ins: its app lease (blob) and partition ownership
    /// (the Partitions table). Left out of the per-poll and per-round figures that are scaled up.</summary>
    public long WorkerFixed => Requests
        .Where(r => r.Key.Service == StorageRequest.Blob || (r.Key.Service == StorageRequest.Table && r.Key.Resource == "Partitions"))
        .Sum(r => r.Value);

    /// <summary>The requests that grow with the polling: everything but <see cref="WorkerFixed"/>.</summary>
    public long Scaling => Total - WorkerFixed;

    /// <summary>
    /// The queue reads that depend on the load rather than on the shape: every control-queue get (one get takes up to 32
    /// messages, so under load they fall towards 1/32 per message, and an idle worker's empty gets back off) and the
    /// work-item queue's empty gets (beyond one per activity). The rest is the <see cref="Floor"/>.
    /// </summary>
    public long LoadDependentGets => Count(StorageRequest.Queue, "control-*", "get messages")
        + Math.Max(0, Count(StorageRequest.Queue, "workitems", "get messages") - WorkItemMessages);

    /// <summary>What the shape costs at any load: <see cref="Scaling"/> less <see cref="LoadDependentGets"/>.</summary>
    public long Floor => Scaling - LoadDependentGets;

    private long Count(string service, string resource, string operation) =>
        Requests.GetValueOrDefault(new StorageRequest(service, resource, operation));

    /// <summary>Messages put on the work-item (activity) queue: one per activity scheduled.</summary>
    public long WorkItemMessages => Requests
        .Where(r => r.Key.Service == StorageRequest.Queue && r.Key.Resource == "workitems" && r.Key.Operation == "put message")
        .Sum(r => r.Value);
}

/// <summary>The measured counts applied to a <see cref="ScaleScenario"/>: storage requests per second (and per 30-day
/// month if the load lasted) and work-item queue messages per second, to hold against one account's targets.</summary>
/// <param name="Shape">The shape's name.</param>
/// <param name="RequestsPerSecond">All requests but the worker's fixed ones, at the measured (small) load's rate of gets.</param>
/// <param name="FloorRequestsPerSecond">The same without the load-dependent gets: what the load costs at least.</param>
/// <param name="WorkItemMessagesPerSecond">Messages put on the single work-item queue.</param>
/// <param name="TableEntitiesReadPerSecond">Rows read from PassBroker's pending table (sharded shape).</param>
internal sealed record ScaleProjection(string Shape, double RequestsPerSecond, double FloorRequestsPerSecond, double WorkItemMessagesPerSecond, double TableEntitiesReadPerSecond)
{
    /// <summary>Azure Storage's target per standard account (requests/s) and per queue (messages/s).</summary>
    public const double AccountRequestsTarget = 20_000;
    public const double QueueMessagesTarget = 2_000;

    public double RequestsPerMonth => RequestsPerSecond * 30 * 24 * 3600;

    public double AccountShare => RequestsPerSecond / AccountRequestsTarget;

    public double WorkItemQueueShare => WorkItemMessagesPerSecond / QueueMessagesTarget;

    /// <summary>One orchestration per sign-in: every poll costs what a measured poll cost (its share of the start and
    /// the end included, measured with the same polls per sign-in), the worker's fixed requests left out.</summary>
    public static ScaleProjection PerSignIn(ShapeMeasurement measured, ScaleScenario scenario) => new(
        measured.Shape,
        scenario.PollsPerSecond * measured.Scaling / measured.Polls,
        scenario.PollsPerSecond * measured.Floor / measured.Polls,
        scenario.PollsPerSecond * measured.WorkItemMessages / measured.Polls,
        0);

    /// <summary>
    /// Shards: each shard round costs what a measured round cost in Durable requests, whatever its number of sign-ins,
    /// plus one query request per 1,000 due rows; each sign-in adds its row's upsert and delete once.
    /// </summary>
    public static ScaleProjection Sharded(ShapeMeasurement measured, ScaleScenario scenario)
    {
        var roundsPerSecond = scenario.Shards / scenario.Tick.TotalSeconds;
        var rowsPerRound = (double)scenario.SignIns / (scenario.Shards * scenario.Slots);
        var pagesPerRound = Math.Max(1, Math.Ceiling(rowsPerRound / 1000));
        var durablePerRound = (double)(measured.Durable - measured.WorkerFixed) / measured.Rounds;
        var durableFloorPerRound = (double)(measured.Durable - measured.WorkerFixed - measured.LoadDependentGets) / measured.Rounds;
        var rowWritesPerSignIn = (double)(measured.PendingTable("upsert") + measured.PendingTable("delete")) / measured.SignIns;
        var rowWritesPerSecond = scenario.TurnoverPerSecond * rowWritesPerSignIn;
        return new ScaleProjection(
            measured.Shape,
            (roundsPerSecond * (durablePerRound + pagesPerRound)) + rowWritesPerSecond,
            (roundsPerSecond * (durableFloorPerRound + pagesPerRound)) + rowWritesPerSecond,
            roundsPerSecond * measured.WorkItemMessages / measured.Rounds,
            scenario.PollsPerSecond);
    }
}
