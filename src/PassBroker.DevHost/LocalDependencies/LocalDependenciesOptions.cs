namespace PassBroker.DevHost.LocalDependencies;

/// <summary>
/// What the DevHost starts by itself so that one command brings everything up.
/// <code>
/// "DevHost": { "StartEmulator": true, "EmulatorUrl": "http://127.0.0.1:7080", "StartAzurite": true, "AzuriteTablePort": 10002 }
/// </code>
/// </summary>
public sealed class LocalDependenciesOptions
{
    public const string SectionName = "DevHost";

    /// <summary>Run the Adobe Pass emulator in-process at <see cref="EmulatorUrl"/> (point <c>AdobePass:BaseUrl</c> there).</summary>
    public bool StartEmulator { get; set; } = true;

    public Uri EmulatorUrl { get; set; } = new("http://127.0.0.1:7080");

    /// <summary>Start Azurite's Table service from <c>node_modules</c> (running <c>npm ci</c> first if needed), unless
    /// something already listens on <see cref="AzuriteTablePort"/>.</summary>
    public bool StartAzurite { get; set; } = true;

    public int AzuriteTablePort { get; set; } = 10002;
}
