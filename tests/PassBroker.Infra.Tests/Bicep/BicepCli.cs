using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PassBroker.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI CI uses (.ci/bicep/bicep.csproj pins it; restored into .ci/.tools like .ci/run does, so the tests work
/// from a clean clone).
/// </summary>
internal static class BicepCli
{
    private const string Version = "0.49.2";
    private static readonly Lock Restoring = new();

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>Compiles a parameter file with the template it uses: both as ARM JSON, and what Bicep printed.</summary>
    public static (JsonObject Template, JsonObject Parameters, string Diagnostics) BuildParams(string bicepParamPath)
    {
        var (output, diagnostics) = Run(Executable(), $"build-params \"{Path.Combine(RepositoryRoot, bicepParamPath)}\" --stdout");
        var result = JsonNode.Parse(output)!.AsObject();
        return (JsonNode.Parse(result["templateJson"]!.GetValue<string>())!.AsObject(),
            JsonNode.Parse(result["parametersJson"]!.GetValue<string>())!.AsObject(), diagnostics);
    }

    private static string Executable()
    {
        var tools = Path.Combine(RepositoryRoot, ".ci", ".tools");
        var path = Path.Combine(tools, "azure.bicep.commandline.linux-x64", Version, "tools", "bicep");
        lock (Restoring)
        {
            if (!File.Exists(path))
            {
                Run("dotnet", $"restore \"{Path.Combine(RepositoryRoot, ".ci", "bicep", "bicep.csproj")}\" --packages \"{tools}\" --verbosity quiet");
            }
            // NuGet does not keep the execute bit (the package is the linux-x64 CLI, as in .ci/run).
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
        }
        return path;
    }

    private static (string Output, string Errors) Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {errors.Result}");
        }
        return (output, errors.Result.Trim());
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Functions.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Functions.sln not found above the test assembly.");
    }
}
