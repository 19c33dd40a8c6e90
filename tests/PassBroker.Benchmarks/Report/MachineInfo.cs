using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PassBroker.Benchmarks.Report;

/// <summary>What the numbers were measured on, and what else was using the machine.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0;
        return $"{Environment.ProcessorCount} logical CPUs ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {memory:F1} GiB, " +
            $"{RuntimeInformation.OSDescription}, .NET {Environment.Version}, server GC, " + Tool("wrk", "-v") + ", " + Tool("nginx", "-v");
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the other work on the machine during the run.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Tool(string name, string versionFlag)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(name, versionFlag) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            var text = process.StandardError.ReadToEnd() + process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? name;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return name + " (missing)";
        }
    }
}
