using System.Net;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using PassBroker.Benchmarks.Durable;

namespace PassBroker.Benchmarks.Tests.Durable;

/// <summary>The counter sits in the storage clients' pipeline: every request sent is counted once, a retry again
/// (storage sees and bills it), and windows subtract.</summary>
public sealed class StorageRequestCounterTests
{
    [Fact]
    public async Task Policy_CountsEachRequestSent_RetriesIncluded()
    {
        var counter = new StorageRequestCounter("hub");
        var transport = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NoContent, HttpStatusCode.NoContent);
        var options = new TableClientOptions { Transport = new HttpClientTransport(transport) };
        options.Retry.Delay = TimeSpan.Zero;
        options.AddPolicy(counter.PolicyFor(StorageRequest.Table), HttpPipelinePosition.PerRetry);
        var table = new TableClient(new Uri("http://127.0.0.1:1/devstoreaccount1"), "pendingsignins", new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[32])), options);

        var before = counter.Snapshot();
        await table.UpsertEntityAsync(new TableEntity("p", "r"), TableUpdateMode.Replace);
        await table.DeleteEntityAsync("p", "r");

        Assert.Equal(3, transport.Sent);
        Assert.Equal(
            new Dictionary<StorageRequest, long>
            {
                [new StorageRequest(StorageRequest.Table, "pendingsignins", "upsert (replace)")] = 2,
                [new StorageRequest(StorageRequest.Table, "pendingsignins", "delete")] = 1,
            },
            counter.Since(before));
    }

    [Fact]
    public void Since_KeepsOnlyWhatWasCountedAfterTheSnapshot()
    {
        var counter = new StorageRequestCounter("hub");
        var get = new StorageRequest(StorageRequest.Queue, "workitems", "get messages");
        var put = new StorageRequest(StorageRequest.Queue, "workitems", "put message");
        counter.Record(get);
        counter.Record(put);
        var before = counter.Snapshot();

        counter.Record(get);
        counter.Record(get);

        Assert.Equal(new Dictionary<StorageRequest, long> { [get] = 2 }, counter.Since(before));
    }

    /// <summary>Answers each request with the next status of its script, empty bodies.</summary>
    private sealed class ScriptedHandler(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Sent { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Sent, statuses.Length - 1)];
            Sent++;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent([]) });
        }
    }
}
