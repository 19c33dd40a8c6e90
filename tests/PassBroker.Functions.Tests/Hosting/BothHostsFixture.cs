using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PassBroker.DevHost;
using PassBroker.TestHelpers.Fakes;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// Two instances of PassBroker on one Azurite, one emulator and the same tables, in real time: the Functions app (its
/// host, its HTTP functions over HTTP, its orchestration on the in-process Durable engine) and the DevHost. What one
/// writes the other reads, as two instances in Azure would.
/// </summary>
public sealed class BothHostsFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();

    public RunningApp Emulator { get; private set; } = null!;

    /// <summary>The Azurite both hosts store in, for a test that builds a Functions app of its own.</summary>
    internal string StorageConnectionString => _azurite.ConnectionString;

    /// <summary>The Functions app's settings, for a test that builds another app on the same tables.</summary>
    internal IReadOnlyDictionary<string, string?> FunctionsSettings { get; private set; } = new Dictionary<string, string?>();

    private RunningFunctionsApp? _functions;

    /// <summary>The Functions app's own services (built, not started: see <see cref="FunctionsAppHost"/>).</summary>
    internal IHost FunctionsApp => _functions!.App;

    internal DurableTaskTestHost Durable => _functions!.Durable;

    /// <summary>The Functions app's HTTP functions on a loopback port.</summary>
    public RunningApp Functions => _functions!.Http;

    public RunningApp DevHost { get; private set; } = null!;

    /// <summary>Every line the Functions app logged.</summary>
    public CapturingLoggerProvider FunctionsLogs { get; } = new();

    /// <summary>The Functions app's warnings and errors, for a failing assertion's message.</summary>
    public string FunctionsProblems() => string.Join(Environment.NewLine, FunctionsLogs.Lines
        .Where(line => line.StartsWith("Warning", StringComparison.Ordinal) || line.StartsWith("Error", StringComparison.Ordinal)));

    public async Task InitializeAsync()
    {
        await _azurite.InitializeAsync();
        Emulator = await EmulatorHost.StartOnClockAsync(TimeProvider.System,
            $"--Emulator:MetadataEncryption:Certificate={TestCertificates.Primary.PublicDerBase64}");
        var settings = TestSettings.For(Emulator.BaseAddress, _azurite.ConnectionString, "f" + Guid.NewGuid().ToString("N")[..10]);
        // Real time, so the shortest interval PassBroker allows: a login is noticed within 3 s.
        settings["SignIn:PollInterval"] = "00:00:03";
        FunctionsSettings = settings;

        _functions = await RunningFunctionsApp.StartAsync(settings, builder => builder.Logging.AddProvider(FunctionsLogs).SetMinimumLevel(LogLevel.Debug));
        // The DevHost polls its own sign-ins one workflow each: with the shards (the default) it would poll the Functions
        // app's pending rows too, from a second set of shards, which no deployment runs.
        DevHost = await RunningApp.StartAsync(urls => DevHostApp.Create(
            [urls, "--DevHost:StartEmulator=false", "--DevHost:StartAzurite=false", .. settings.AsArguments(), "--SignIn:PollingShape=PerSignIn"]));
    }

    public async Task DisposeAsync()
    {
        // In reverse order of start; a start that failed half-way leaves the rest null.
        if (DevHost is not null)
        {
            await DevHost.DisposeAsync();
        }
        if (_functions is not null)
        {
            await _functions.DisposeAsync();
        }
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
        await _azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BothHostsCollection : ICollectionFixture<BothHostsFixture>
{
    public const string Name = "Both hosts";
}
