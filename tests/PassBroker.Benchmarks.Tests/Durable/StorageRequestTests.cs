using PassBroker.Benchmarks.Durable;

namespace PassBroker.Benchmarks.Tests.Durable;

/// <summary>The durable-storage command names each storage request by service, resource and operation; these pin the
/// names for the URLs the Durable provider and the pending-sign-in table send (path-style, as on Azurite).</summary>
public sealed class StorageRequestTests
{
    private const string Hub = "pbpersignin";
    private const string Account = "http://127.0.0.1:10001/devstoreaccount1";

    [Theory]
    [InlineData("GET", "/pbpersignin-control-03/messages?numofmessages=32&visibilitytimeout=300", "control-*", "get messages")]
    [InlineData("GET", "/pbpersignin-workitems/messages?numofmessages=1", "workitems", "get messages")]
    [InlineData("GET", "/pbpersignin-workitems/messages?peekonly=true", "workitems", "peek messages")]
    [InlineData("POST", "/pbpersignin-workitems/messages?visibilitytimeout=0", "workitems", "put message")]
    [InlineData("DELETE", "/pbpersignin-control-00/messages/5a4b?popreceipt=AgAAAA", "control-*", "delete message")]
    [InlineData("PUT", "/pbpersignin-control-01/messages/5a4b?popreceipt=AgAAAA&visibilitytimeout=30", "control-*", "update message")]
    [InlineData("PUT", "/pbpersignin-control-02", "control-*", "create queue")]
    public void Queue(string method, string pathAndQuery, string resource, string operation)
    {
        var request = StorageRequest.Classify(StorageRequest.Queue, method, new Uri(Account + pathAndQuery), null, Hub);

        Assert.Equal(new StorageRequest(StorageRequest.Queue, resource, operation), request);
    }

    [Theory]
    [InlineData("GET", "/pbpersigninHistory()?$filter=PartitionKey%20eq%20'signin-x'", "History", "query")]
    [InlineData("GET", "/pbpersigninHistory()?$filter=x&NextPartitionKey=a&NextRowKey=b", "History", "query (next page)")]
    [InlineData("POST", "/$batch", "$batch", "batch")]
    [InlineData("PATCH", "/pbpersigninInstances(PartitionKey='signin-x',RowKey='')", "Instances", "upsert (merge)")]
    [InlineData("MERGE", "/pbpersigninInstances(PartitionKey='signin-x',RowKey='')", "Instances", "upsert (merge)")]
    [InlineData("GET", "/pbpersigninInstances(PartitionKey='signin-x',RowKey='')", "Instances", "point read")]
    [InlineData("POST", "/pbpersigninInstances", "Instances", "insert")]
    [InlineData("PUT", "/pendingsignins(PartitionKey='001-002',RowKey='device1')", "pendingsignins", "upsert (replace)")]
    [InlineData("DELETE", "/pendingsignins(PartitionKey='001-002',RowKey='device1')", "pendingsignins", "delete")]
    [InlineData("POST", "/Tables", "Tables", "create table")]
    public void Table(string method, string pathAndQuery, string resource, string operation)
    {
        var request = StorageRequest.Classify(StorageRequest.Table, method, new Uri(Account + pathAndQuery), null, Hub);

        Assert.Equal(new StorageRequest(StorageRequest.Table, resource, operation), request);
    }

    [Theory]
    [InlineData("PUT", "/pbpersignin-leases/default/pbpersignin-control-00?comp=lease", "renew", "leases", "lease renew")]
    [InlineData("PUT", "/pbpersignin-applease/appleaseinfo?comp=lease", "acquire", "applease", "lease acquire")]
    [InlineData("GET", "/pbpersignin-applease/appleaseinfo", null, "applease", "read blob")]
    [InlineData("PUT", "/pbpersignin-largemessages?restype=container", null, "largemessages", "create container")]
    [InlineData("GET", "/pbpersignin-leases?restype=container&comp=list", null, "leases", "list blobs")]
    public void Blob(string method, string pathAndQuery, string? leaseAction, string resource, string operation)
    {
        var request = StorageRequest.Classify(StorageRequest.Blob, method, new Uri(Account + pathAndQuery), leaseAction, Hub);

        Assert.Equal(new StorageRequest(StorageRequest.Blob, resource, operation), request);
    }
}
