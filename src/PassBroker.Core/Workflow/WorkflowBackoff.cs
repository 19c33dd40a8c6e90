using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PassBroker.Core.Workflow;

/// <summary>
/// How long a workflow waits after consecutive failures: 1, 5, then 15 s, each scaled by a jitter factor between 0.5
/// and 1.5. Without jitter, thousands of pending sign-ins that failed together (storage down) would retry together,
/// in lockstep, against a store that is just coming back.
/// </summary>
public static class WorkflowBackoff
{
    private static readonly TimeSpan[] Steps = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    /// <param name="failures">Consecutive failures so far, at least 1.</param>
    /// <param name="jitter">A number in [0, 1): where in the ±50% band this wait falls.</param>
    public static TimeSpan Delay(int failures, double jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);
        return Steps[Math.Min(failures, Steps.Length) - 1] * (0.5 + jitter);
    }

    /// <summary>
    /// A jitter in [0, 1) that is the same every time for the same workflow and round, as Durable's replays need
    /// (a workflow may not call <see cref="Random"/>), and different between workflows.
    /// </summary>
    public static double ReplaySafeJitter(string instanceId, int round)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId}:{round}"), hash);
        return (BinaryPrimitives.ReadUInt64LittleEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }
}
