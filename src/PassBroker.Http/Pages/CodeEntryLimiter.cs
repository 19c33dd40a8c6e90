using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PassBroker.Http.Pages;

/// <summary>
/// Limits code submissions per client (its address group: an IPv4 address or an IPv6 /64), so the page cannot be used to guess codes. In-process (System.Threading
/// .RateLimiting) rather than ASP.NET Core's middleware, so it works the same in the Functions host, where our handlers
/// run without the DevHost's pipeline; each instance counts on its own, which still bounds guessing per instance.
/// </summary>
public sealed class CodeEntryLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public CodeEntryLimiter(IOptions<SecondScreenOptions> options)
    {
        var settings = options.Value;
        _window = settings.CodeAttemptsWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(ip => RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.CodeAttemptsPerIp,
            Window = settings.CodeAttemptsWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <returns>Null when the attempt may go ahead, else how long the client must wait.</returns>
    /// <param name="clientGroup">The client's key (<see cref="Edge.ClientAddressGroups"/>).</param>
    public TimeSpan? TryEnter(string clientGroup)
    {
        using var lease = _limiter.AttemptAcquire(clientGroup);
        if (lease.IsAcquired)
        {
            return null;
        }
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    public void Dispose() => _limiter.Dispose();
}
