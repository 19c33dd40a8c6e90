using System.Globalization;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// CPU time of a process from Linux's <c>/proc/&lt;pid&gt;/stat</c>: its own user + system time, and the user + system
/// time of its children it has waited for (wrk: the benchmark starts it and reaps it when it exits, so the children's
/// time grows by wrk's CPU over each round). The same figures <c>Process.TotalProcessorTime</c> and <c>getrusage</c>
/// give, read for any process (nginx's) and at one instant for both.
/// </summary>
internal static class ProcessCpu
{
    /// <summary>USER_HZ: the unit of /proc's times, fixed at 100 by Linux's ABI on x86 and arm64 (<c>getconf CLK_TCK</c>).</summary>
    public const int TicksPerSecond = 100;

    /// <returns>The process's CPU times, or null where there is no such file (not Linux, or the process has gone).</returns>
    public static CpuTimes? Read(int pid)
    {
        try
        {
            return Parse(File.ReadAllText($"/proc/{pid}/stat"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads utime, stime, cutime and cstime (fields 14–17) from one <c>/proc/&lt;pid&gt;/stat</c> line.</summary>
    /// <param name="stat">The line. Field 2 is the command in parentheses and may hold spaces and parentheses itself, so
    /// the fields are counted from the last closing parenthesis.</param>
    public static CpuTimes Parse(string stat)
    {
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // fields[0] is field 3 (state), so field n is fields[n - 3].
        TimeSpan Field(int n) => TimeSpan.FromSeconds(long.Parse(fields[n - 3], CultureInfo.InvariantCulture) / (double)TicksPerSecond);
        return new CpuTimes(Field(14) + Field(15), Field(16) + Field(17));
    }
}

/// <param name="Own">User + system time of the process itself.</param>
/// <param name="Children">User + system time of its children it has waited for.</param>
internal readonly record struct CpuTimes(TimeSpan Own, TimeSpan Children);

/// <summary>CPU per request of one round, for each process that did work in it.</summary>
/// <param name="ProcessUs">The benchmark process (the emulator, the DevHosts and the bare proxy), µs per request.</param>
/// <param name="NginxUs">nginx (one process, no master), µs per request.</param>
/// <param name="WrkUs">wrk, µs per request.</param>
/// <param name="CoresBusy">All three's CPU seconds per second of the round: near the core count, CPU is the bound.</param>
internal sealed record RoundCpu(double ProcessUs, double NginxUs, double WrkUs, double CoresBusy)
{
    public double TotalUs => ProcessUs + NginxUs + WrkUs;

    /// <param name="self">The benchmark process before and after the round (its children's time: wrk's).</param>
    /// <param name="nginx">nginx before and after (null: not measured; counted as 0).</param>
    /// <param name="requests">wrk's request count.</param>
    /// <param name="elapsed">The round's wall time.</param>
    public static RoundCpu From((CpuTimes Before, CpuTimes After) self, (CpuTimes Before, CpuTimes After)? nginx, long requests, TimeSpan elapsed)
    {
        double Per(TimeSpan cpu) => requests == 0 ? double.NaN : cpu.TotalMicroseconds / requests;
        var process = self.After.Own - self.Before.Own;
        var wrk = self.After.Children - self.Before.Children;
        var proxy = nginx is { } n ? n.After.Own - n.Before.Own : TimeSpan.Zero;
        return new RoundCpu(Per(process), Per(proxy), Per(wrk), (process + wrk + proxy) / elapsed);
    }
}
