using System.Globalization;
using PassBroker.LocalAzurite;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// Where everything of a local run lives, derived from one setting: the DevHost's port (<c>--port</c>, that is
/// <c>DevHost:Port</c>; else the port of <c>Urls</c>; else 7071). The emulator listens 9 ports above it and Azurite 2931
/// above it, which gives the long-standing defaults 7080 and 10002 for 7071, so a second checkout or a second run on
/// another port never shares the first one's storage or emulator. Every value set explicitly wins over the derived one.
/// </summary>
public sealed record LocalTopology(Uri? Origin, Uri EmulatorUrl, int AzuriteTablePort, string AzuriteLocation)
{
    public const int DefaultPort = 7071;
    public const int EmulatorOffset = 9;
    public const int AzuriteOffset = 2931;

    /// <summary>The command-line switch of the one setting: <c>--port 7171</c>.</summary>
    public static readonly IDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--port"] = LocalDependenciesOptions.SectionName + ":" + nameof(LocalDependenciesOptions.Port),
    };

    /// <summary>The settings a local run derives from its addresses: the storage, the browser's redirect targets,
    /// the second-screen URL and where the API reaches Adobe (the emulator).</summary>
    public IEnumerable<KeyValuePair<string, string>> DerivedSettings(LocalDependenciesOptions options)
    {
        if (Origin is { } origin)
        {
            var site = origin.GetLeftPart(UriPartial.Authority);
            yield return new("SignIn:RedirectUrl", $"{site}/authn/done");
            yield return new("SignIn:LogoutRedirectUrl", $"{site}/authn/signed-out");
            yield return new("SecondScreen:PublicBaseUrl", site);
        }
        if (options.StartEmulator)
        {
            var emulator = EmulatorUrl.GetLeftPart(UriPartial.Authority);
            yield return new("AdobePass:BaseUrl", emulator);
            yield return new("AdobePass:ManagementBaseUrl", emulator);
        }
        if (options.StartAzurite)
        {
            yield return new("Storage:ConnectionString", AzuriteProcess.ConnectionStringFor(AzuriteTablePort));
        }
    }

    /// <summary>Reads the addresses from configuration; moves <c>Urls</c> to the port when <c>DevHost:Port</c> is set.</summary>
    /// <param name="configuration">The DevHost's configuration.</param>
    /// <param name="options">Its <c>DevHost</c> section.</param>
    /// <param name="repositoryRoot">Where <c>.azurite</c> folders go (null: the current directory).</param>
    public static LocalTopology Resolve(IConfiguration configuration, LocalDependenciesOptions options, string? repositoryRoot)
    {
        var port = options.Port ?? OwnPort(configuration[WebHostDefaults.ServerUrlsKey]);
        var origin = port is > 0 and var p ? new Uri($"http://localhost:{p.ToString(CultureInfo.InvariantCulture)}") : null;
        var basePort = port is > 0 ? port.Value : DefaultPort;
        var emulator = options.EmulatorUrl ?? new Uri($"http://127.0.0.1:{Checked(basePort + EmulatorOffset, "DevHost:EmulatorUrl")}");
        var azurite = options.AzuriteTablePort ?? Checked(basePort + AzuriteOffset, "DevHost:AzuriteTablePort");
        // The default port keeps the folder it always had, so existing data stays; another port gets its own.
        var location = options.AzuriteLocation
            ?? Path.Combine(repositoryRoot ?? Directory.GetCurrentDirectory(), basePort == DefaultPort ? ".azurite" : $".azurite-{basePort}");
        return new LocalTopology(origin, emulator, azurite, location);
    }

    // The first URL's port: "http://localhost:7071;https://…" → 7071; a port of 0 (tests: any free port) → none.
    private static int? OwnPort(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (first is null)
        {
            return DefaultPort;
        }
        // Kestrel's wildcards are not valid URI hosts.
        var parsable = first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(parsable, UriKind.Absolute, out var uri) && uri.Port > 0 ? uri.Port : null;
    }

    private static int Checked(int port, string setting) => port <= 65535
        ? port
        : throw new DevHostStartException($"The port derived for a local dependency ({port.ToString(CultureInfo.InvariantCulture)}) is above 65535: "
            + $"choose a lower --port, or set --{setting} yourself.");
}
