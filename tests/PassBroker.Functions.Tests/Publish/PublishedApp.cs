using System.Diagnostics;
using System.Text.Json;

namespace PassBroker.Functions.Tests.Publish;

/// <summary>
/// The Functions app as <c>azd deploy</c> ships it: <c>dotnet publish -c Release</c> of src/PassBroker.Functions into a
/// folder of its own, run once for the tests that read it (about half a minute).
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("passbroker-functions-publish-").FullName;

    public JsonElement FunctionsMetadata { get; private set; }

    public JsonElement Extensions { get; private set; }

    public JsonElement HostJson { get; private set; }

    public async Task InitializeAsync()
    {
        var project = Hosting.Repository.PathOf("src", "PassBroker.Functions", "PassBroker.Functions.csproj");
        // No build server and no node reuse: this runs inside `dotnet test`, whose own build has finished.
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Folder, "--nologo", "-v", "q", "-nodeReuse:false", "--disable-build-servers"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await publish.WaitForExitAsync(timeout.Token);
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):{Environment.NewLine}{await output}{await errors}");
        }
        FunctionsMetadata = Read("functions.metadata");
        Extensions = Read("extensions.json");
        HostJson = Read("host.json");
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private JsonElement Read(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file)));
        return document.RootElement.Clone();
    }
}
