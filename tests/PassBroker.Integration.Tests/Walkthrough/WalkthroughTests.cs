using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PassBroker.Integration.Tests.Support;
using PassBroker.LocalAzurite;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.Walkthrough;

/// <summary>
/// Runs the README's walk-through, <c>PassBroker.DevHost.http</c>, request by request in file order against a DevHost
/// on the real clock, and checks each step's status against the <c># expect:</c> the file shows its reader, so the file
/// cannot drift from the code again. Where the file says "open this in a browser", the test does what the reader would.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class WalkthroughTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string WalkthroughPath = Path.Combine(RepositoryRoot.Find(), "src", "PassBroker.DevHost", "PassBroker.DevHost.http");
    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() =>
        // The shortest poll interval options allow, so step 4's long poll answers in seconds on the real clock; and the
        // admin key of the DevHost's appsettings.json, which the operators' steps send as the reader's DevHost expects.
        _app = await PassBrokerApplication.StartRealTimeAsync(azurite, "--SignIn:PollInterval=00:00:03",
            $"--Secrets:Values:admin-api-key={DevHostSetting("Secrets", "Values", "admin-api-key")}");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EveryStep_AnswersWhatTheFileSays()
    {
        var (fileVariables, requests) = HttpFileParser.Parse(await File.ReadAllTextAsync(WalkthroughPath));
        Assert.All(requests, r => Assert.True(r.Expected is not null, $"Step '{r.Title}' says nothing of its answer: add '# expect: NNN'."));
        var variables = new HttpFileVariables(new Dictionary<string, string>(fileVariables)
        {
            ["host"] = _app.DevHost.BaseAddress.GetLeftPart(UriPartial.Authority),
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };

        foreach (var step in requests)
        {
            var (status, body) = await SendAsync(http, step, variables);
            output.WriteLine($"{step.Step,-4} {step.Method} {step.Url} -> {status}");
            Assert.True(step.Expected == status, $"Step '{step.Title}' promises {step.Expected}, the DevHost answered {status}: {body}");
            if (step.ExpectedText is { } promised)
            {
                Assert.True(Compact(body).Contains(Compact(promised), StringComparison.Ordinal),
                    $"Step '{step.Title}' promises an answer with {promised}; the DevHost answered {body}");
            }
            if (step.Name is not null && body.Length > 0 && body.TrimStart().StartsWith('{'))
            {
                variables.RecordResponse(step.Name, JsonDocument.Parse(body).RootElement);
            }
            await ActAsTheReaderAfterAsync(step, variables);
        }
        Assert.Contains(requests, r => r.Step == "16");
    }

    private static async Task<(int Status, string Body)> SendAsync(HttpClient http, HttpFileRequest step, HttpFileVariables variables)
    {
        using var request = new HttpRequestMessage(new HttpMethod(step.Method), variables.Resolve(step.Url));
        string? contentType = null;
        foreach (var (name, value) in step.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, variables.Resolve(value));
            }
        }
        if (step.Body is not null)
        {
            request.Content = new StringContent(variables.Resolve(step.Body), Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "text/plain");
        }
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // The steps that send the reader to a browser: the test signs alice in as the reader would.
    private async Task ActAsTheReaderAfterAsync(HttpFileRequest step, HttpFileVariables variables)
    {
        if (step.Step == "3b")
        {
            // The second screen: open secondScreenUrl, pick ExampleCable, sign in at the provider.
            using var phone = _app.DevHost.CreateClient(followRedirects: false);
            var authenticate = await SecondScreenPhone.PickProviderAsync(phone, variables.Resolve("{{session.response.body.code}}"), "ExampleCable");
            await BrowserLogin.SignInAsync(authenticate, "alice", "alice-pw");
        }
    }

    private static string DevHostSetting(params string[] path)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "src", "PassBroker.DevHost", "appsettings.json")));
        return path.Aggregate(settings.RootElement, (element, name) => element.GetProperty(name)).GetString()!;
    }

    // JSON as the answer has it and as the file spells it compare once the blanks between tokens are gone.
    private static string Compact(string json) => WhitespaceOutsideStrings().Replace(json, "$1");

    [GeneratedRegex(@"(""(?:[^""\\]|\\.)*"")|\s+")]
    private static partial Regex WhitespaceOutsideStrings();
}
