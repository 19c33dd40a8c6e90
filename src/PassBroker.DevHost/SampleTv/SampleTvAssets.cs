namespace PassBroker.DevHost.SampleTv;

/// <summary>The sample app's files, embedded in the DevHost assembly (see the project file) and read once at start.</summary>
internal sealed record SampleTvAssets(string Page, string Script, string Stylesheet)
{
    public const string ScriptName = "tv.js";
    public const string StylesheetName = "tv.css";

    public static SampleTvAssets Load() => new(Read("index.html"), Read(ScriptName), Read(StylesheetName));

    private static string Read(string name)
    {
        var resource = "SampleTv/" + name;
        using var stream = typeof(SampleTvAssets).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The DevHost was built without its embedded resource {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
