using System.Text.Json;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// local.settings.sample.json's <c>Values</c> as the Functions app receives them from Core Tools: environment variables,
/// whose <c>__</c> the configuration reads as <c>:</c>.
/// </summary>
internal static class SampleSettings
{
    public static Dictionary<string, string?> Values()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Repository.PathOf("local.settings.sample.json")));
        return file.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => p.Value.GetString());
    }
}
