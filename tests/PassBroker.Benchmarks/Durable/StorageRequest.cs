using System.Text.RegularExpressions;

namespace PassBroker.Benchmarks.Durable;

/// <summary>One storage request as counted: the service, the queue/table/container it touched (the task hub's name
/// taken out and partition numbers folded, so the four control queues count as one line), and what it did.</summary>
internal readonly partial record struct StorageRequest(string Service, string Resource, string Operation)
{
    public const string Blob = "blob";
    public const string Queue = "queue";
    public const string Table = "table";

    /// <summary>
    /// Names a REST request of the Azure Storage services the way the billing and the scalability targets count it: one
    /// request, whatever it carries (a batch of 100 rows or a page of 1,000 is one). <paramref name="taskHub"/> is
    /// removed from resource names so shapes run under different hubs compare line by line.
    /// </summary>
    public static StorageRequest Classify(string service, string method, Uri uri, string? leaseAction, string taskHub)
    {
        // Path-style URLs (Azurite, and the account endpoint in Azure): /{account}/{resource}[/{rest}].
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resourceSegment = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "";
        var rest = segments.Length > 2 ? segments[2..] : [];
        var query = uri.Query;
        var operation = service switch
        {
            Queue => QueueOperation(method, rest, query),
            Table => TableOperation(method, resourceSegment, query),
            Blob => BlobOperation(method, rest, query, leaseAction),
            _ => method,
        };
        return new StorageRequest(service, ResourceName(service, resourceSegment, taskHub), operation);
    }

    private static string ResourceName(string service, string segment, string taskHub)
    {
        if (service == Table)
        {
            // "HubHistory(PartitionKey='a',RowKey='b')" and "HubHistory()" name the table before the parenthesis.
            var open = segment.IndexOf('(', StringComparison.Ordinal);
            segment = open >= 0 ? segment[..open] : segment;
            if (segment is "$batch" or "Tables")
            {
                return segment;
            }
        }
        var name = taskHub.Length > 0 ? segment.Replace(taskHub, "", StringComparison.OrdinalIgnoreCase).TrimStart('-') : segment;
        return name.Length == 0 ? "(account)" : TrailingNumber().Replace(name, "-*");
    }

    private static string QueueOperation(string method, string[] rest, string query) => (method, rest.Length) switch
    {
        ("GET", 1) when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek messages",
        ("GET", 1) => "get messages",
        ("POST", 1) => "put message",
        ("DELETE", 2) => "delete message",
        ("PUT", 2) => "update message",
        ("DELETE", 1) => "clear messages",
        ("PUT", 0) => "create queue",
        ("GET" or "HEAD", 0) => "get properties",
        _ => $"{method} {string.Join('/', rest)}",
    };

    private static string TableOperation(string method, string segment, string query)
    {
        if (segment == "$batch")
        {
            return "batch";
        }
        if (segment == "Tables")
        {
            return method == "POST" ? "create table" : "query tables";
        }
        var keyed = segment.Contains("PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "GET" => keyed ? "point read" : (query.Contains("NextPartitionKey", StringComparison.Ordinal) ? "query (next page)" : "query"),
            "POST" => "insert",
            "PUT" => "upsert (replace)",
            "MERGE" or "PATCH" => "upsert (merge)",
            "DELETE" => "delete",
            _ => method,
        };
    }

    private static string BlobOperation(string method, string[] rest, string query, string? leaseAction)
    {
        var onContainer = rest.Length == 0;
        if (query.Contains("comp=lease", StringComparison.OrdinalIgnoreCase))
        {
            return $"lease {leaseAction ?? "?"}";
        }
        if (query.Contains("comp=list", StringComparison.OrdinalIgnoreCase))
        {
            return "list blobs";
        }
        return (method, onContainer) switch
        {
            ("PUT", true) => "create container",
            ("GET" or "HEAD", true) => "container properties",
            ("GET", false) => "read blob",
            ("HEAD", false) => "blob properties",
            ("PUT", false) => "write blob",
            ("DELETE", _) => "delete",
            _ => method,
        };
    }

    [GeneratedRegex(@"-\d+$")]
    private static partial Regex TrailingNumber();
}
