using System.Net.Sockets;
using Azure;

namespace PassBroker.Storage.Tables;

/// <summary>How the Tables SDK reports the outcomes the stores care about.</summary>
internal static class TableErrors
{
    public const string TableNotFound = "TableNotFound";

    public static bool IsConflict(RequestFailedException e) => e.Status == 409;

    /// <summary>The ETag no longer matches (412), or the row is gone (404), on a conditional update.</summary>
    public static bool IsStaleUpdate(RequestFailedException e) => e.Status is 412 or 404;

    /// <summary>
    /// The service did not answer, or answered that it cannot serve now: worth a 503 and a retry later. Other 4xx stay
    /// as they are, because they mean a bug in the request, not an outage.
    /// </summary>
    public static bool IsUnavailable(Exception e, CancellationToken cancellationToken) => e switch
    {
        // Status 0: no response at all (connection refused or reset, DNS, TLS).
        RequestFailedException r => r.Status is 0 or 408 or 429 or >= 500,
        // The SDK's retry policy gives up with an AggregateException of the attempts' failures.
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(i => IsUnavailable(i, cancellationToken)),
        HttpRequestException or IOException or SocketException => true,
        // The SDK's network timeout surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };
}
