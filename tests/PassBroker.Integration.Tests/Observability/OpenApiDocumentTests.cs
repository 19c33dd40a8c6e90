using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PassBroker.Integration.Tests.Support;
using PassBroker.LocalAzurite;
using PassBroker.Testing.EndToEnd;

namespace PassBroker.Integration.Tests.Observability;

/// <summary>
/// The OpenAPI document the DevHost generates from the routes' metadata, the checked-in copy app developers read
/// (<c>docs/openapi.json</c>), and the reference page that renders it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class OpenApiDocumentTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    private const string RefreshHint = "docs/openapi.json differs from the document PassBroker's routes generate. If the change is intended, "
        + "refresh the file with `UPDATE_OPENAPI=1 dotnet test tests/PassBroker.Integration.Tests --filter OpenApiDocumentTests` and commit it.";

    // Its tests only read: one application for the class.
    private readonly PassBrokerApplication _app = shared.App;

    [Fact]
    public async Task CheckedInDocument_IsTheOneTheRoutesGenerate()
    {
        // Arrange
        using var client = _app.CreateClient();
        var generated = Normalise(await client.GetStringAsync("/openapi/v1.json"));
        var path = Path.Combine(RepositoryRoot.Find(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, generated);
        }

        // Act
        var checkedIn = File.Exists(path) ? Normalise(await File.ReadAllTextAsync(path)) : "(missing)";

        // Assert
        Assert.True(checkedIn == generated, RefreshHint);
    }

    [Fact]
    public async Task Document_DescribesSecurityBodiesAndProblemCodesPerRoute()
    {
        using var client = _app.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["deviceToken"]!["scheme"]!.GetValue<string>());

        var authorize = document["paths"]!["/api/decisions/authorize"]!["post"]!;
        Assert.NotNull(authorize["security"]![0]!["deviceToken"]);
        Assert.NotNull(authorize["requestBody"]!["content"]!["application/json"]!["schema"]);
        Assert.NotNull(authorize["responses"]!["200"]!["content"]!["application/json"]!["schema"]);
        Assert.Equal(["missing_device_token", "invalid_device_token"], Codes(authorize, "401").Order().Reverse());
        Assert.Contains("authentication_required", Codes(authorize, "403"));
        Assert.Contains("upstream_throttled", Codes(authorize, "503"));

        // The headers a client acts on: every 401 states its challenge, every 429/503/504 problem its wait.
        var responses = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["responses"]!.AsObject().Where(r => r.Value!["x-problem-codes"] is not null));
        Assert.All(responses.Where(r => r.Key == "401"), r => Assert.True(r.Value!["headers"]!["WWW-Authenticate"]!["required"]!.GetValue<bool>()));
        Assert.All(responses.Where(r => r.Key is "429" or "503" or "504"), r => Assert.NotNull(r.Value!["headers"]!["Retry-After"]));

        var reset = document["paths"]!["/api/admin/temppass/reset"]!["post"]!;
        Assert.NotNull(reset["security"]![0]!["adminKey"]);
        Assert.Contains("device_token_not_allowed", Codes(reset, "403"));

        // Registration takes a device token optionally (a re-registration's proof): the scheme, or nothing at all ({}, as
        // linters ask of routes that work without a credential). The HTML pages for people are not part of the API document.
        var register = document["paths"]!["/api/devices"]!["post"]!;
        Assert.NotNull(register["security"]![0]!["deviceToken"]);
        Assert.Contains(register["security"]!.AsArray(), r => r is JsonObject { Count: 0 });
        Assert.Equal(["invalid_device_token"], Codes(register, "401"));
        Assert.Equal("[{}]", document["paths"]!["/api/health"]!["get"]!["security"]!.ToJsonString());
        Assert.Null(document["paths"]!["/authn"]);

        // What a linter asks beyond the routes: a (relative) server, tag and operation descriptions.
        Assert.Equal("/", document["servers"]![0]!["url"]!.GetValue<string>());
        Assert.All(document["tags"]!.AsArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag!["description"]?.GetValue<string>())));
        Assert.All(document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()),
            operation => Assert.False(string.IsNullOrWhiteSpace(operation.Value!["description"]?.GetValue<string>()), $"{operation.Key} has no description"));
    }

    [Fact]
    public async Task ReferencePage_AnswersAndLoadsOnlyLocalAssets()
    {
        using var client = _app.CreateClient();

        var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var assets = AssetReference().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        Assert.All(assets, url => Assert.False(IsExternal(url), $"The reference page loads {url} from elsewhere."));
        Assert.DoesNotMatch(ExternalUrl(), html);
        foreach (var asset in assets)
        {
            var loaded = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, asset));
            Assert.True(loaded.IsSuccessStatusCode, $"{asset} answered {(int)loaded.StatusCode}");
        }
    }

    private static IEnumerable<string> Codes(JsonNode operation, string status) =>
        operation["responses"]![status]!["x-problem-codes"]!.AsArray().Select(c => c!.GetValue<string>());

    private static bool IsExternal(string url) => url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https";

    /// <summary>Object keys sorted and one layout, so only a change of content is a difference.</summary>
    private static string Normalise(string json) =>
        Sorted(JsonNode.Parse(json))!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    // src="…" and href="…" of the page's tags (scripts, stylesheets, icons)
    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex AssetReference();

    // Any absolute http(s) URL in the page: a CDN script or a web font pulled in by configuration
    [GeneratedRegex("""https?://(?!localhost|127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalUrl();
}
