using System.ComponentModel.DataAnnotations;

namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// What the DevHost starts by itself so that one command brings everything up, and on which ports. Only
/// <see cref="Port"/> is usually set (<c>--port 7171</c>); the rest is derived from it (<see cref="LocalTopology"/>).
/// <code>
/// "DevHost": { "Port": 7171, "StartEmulator": true, "EmulatorUrl": "http://127.0.0.1:7180", "StartAzurite": true, "AzuriteTablePort": 10102 }
/// </code>
/// </summary>
public sealed class LocalDependenciesOptions
{
    public const string SectionName = "DevHost";

    /// <summary>The DevHost's own port on localhost; moves <c>Urls</c> and every address derived from it. Unset: the
    /// port of <c>Urls</c> (7071 by default).</summary>
    [Range(1, 65535)]
    public int? Port { get; set; }

    /// <summary>Run the Adobe Pass emulator in-process at <see cref="EmulatorUrl"/>; <c>AdobePass:BaseUrl</c> and
    /// <c>AdobePass:ManagementBaseUrl</c> point there unless set.</summary>
    public bool StartEmulator { get; set; } = true;

    /// <summary>Unset: <c>http://127.0.0.1:</c> the DevHost's port + 9.</summary>
    public Uri? EmulatorUrl { get; set; }

    /// <summary>Start Azurite's Table service from <c>node_modules</c> (running <c>npm ci</c> first if needed);
    /// <c>Storage:ConnectionString</c> points there unless set. Something else on the port is a start-up error unless it
    /// is this checkout's own Azurite (see <see cref="AzuriteIdentity"/>).</summary>
    public bool StartAzurite { get; set; } = true;

    /// <summary>Unset: the DevHost's port + 2931.</summary>
    [Range(1, 65535)]
    public int? AzuriteTablePort { get; set; }

    /// <summary>Azurite's data folder. Unset: <c>.azurite</c> at the repository root for port 7071,
    /// <c>.azurite-&lt;port&gt;</c> for any other port.</summary>
    public string? AzuriteLocation { get; set; }
}
