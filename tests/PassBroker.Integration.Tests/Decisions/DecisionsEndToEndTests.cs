using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;
using PassBroker.Testing.Hosting.Azurite;

namespace PassBroker.Integration.Tests.Decisions;

/// <summary>Preauthorize, authorize and logout end to end over real HTTP: DevHost + emulator + Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DecisionsEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // The emulator's scripted answers for alice (EmulatorDefaults): every other resource is permitted.
    private const string Denied = "premium-movie";
    private const string Parental = "late-night-show";
    private const string AlwaysTimesOut = "flaky-channel";
    private const string TimesOutOnce = "flaky-once-channel";

    private PassBrokerApplication _app = null!;

    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpClient> SignedInDeviceAsync(string deviceId, string user = "alice")
    {
        var (client, _, _) = await _app.RegisterDeviceAsync(deviceId);
        await _app.SignInAsync(client, user, user + "-pw");
        return client;
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {json}");
        return JsonDocument.Parse(json).RootElement;
    }

    private static Dictionary<string, JsonElement> ByResource(JsonElement preauthorized) =>
        preauthorized.GetProperty("decisions").EnumerateArray().ToDictionary(d => d.GetProperty("resource").GetString()!);

    [Fact]
    public async Task Preauthorize_TwelveResourcesWithMixedAnswers_BatchedMergedAndRetried()
    {
        var client = await SignedInDeviceAsync("preauth-tv");
        string[] resources = ["show-1", "show-2", "show-3", Denied, "show-4", Parental, "show-5", AlwaysTimesOut, "show-6", TimesOutOnce, "show-7", "live-sports"];

        var answer = await PostAsync(client, "/api/decisions/preauthorize", new { resources });

        Assert.Equal("ExampleCable", answer.GetProperty("mvpd").GetString());
        Assert.Equal(resources, answer.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("resource").GetString()));
        var decisions = ByResource(answer);
        Assert.Equal(9, decisions.Values.Count(d => d.GetProperty("decision").GetString() == "permit"));
        Assert.Equal("permit", decisions[TimesOutOnce].GetProperty("decision").GetString());
        AssertDenied(decisions[Denied], "preauthorization_denied_by_mvpd", "none");
        Assert.Contains("does not include", decisions[Denied].GetProperty("reason").GetProperty("details").GetString(), StringComparison.Ordinal);
        AssertDenied(decisions[Parental], "authorization_denied_by_parental_controls", "none");
        AssertDenied(decisions[AlwaysTimesOut], "network_connection_timeout", "retry");
        Assert.All(decisions.Values, d => Assert.False(d.TryGetProperty("mediaToken", out _)));
        // Upstream: batches of five, then the two `retry` items, then the one that still times out (two retries).
        Assert.Equal([5, 5, 2, 2, 1], _app.Emulator.State().GetPreauthorizeResourceCounts());
    }

    [Fact]
    public async Task Preauthorize_Again_AnswersCachedPermitsWithoutAskingAdobe()
    {
        var client = await SignedInDeviceAsync("cache-tv");
        string[] resources = ["show-1", "show-2", Denied];
        await PostAsync(client, "/api/decisions/preauthorize", new { resources });

        var again = ByResource(await PostAsync(client, "/api/decisions/preauthorize", new { resources }));

        Assert.Equal("permit", again["show-1"].GetProperty("decision").GetString());
        // Only the deny was asked again: denies are never cached.
        Assert.Equal([3, 1], _app.Emulator.State().GetPreauthorizeResourceCounts());
    }

    [Fact]
    public async Task Authorize_PermittedAndDenied_TokenFreshOnEveryPlayAndReasonUnchanged()
    {
        var client = await SignedInDeviceAsync("authorize-tv");
        await PostAsync(client, "/api/decisions/preauthorize", new { resources = new[] { "show-1" } });

        var first = await client.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" });
        var permit = await first.Content.ReadFromJsonAsync<JsonElement>();
        var second = await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        var deny = await PostAsync(client, "/api/decisions/authorize", new { resource = Denied });

        Assert.Equal("permit", permit.GetProperty("decision").GetString());
        Assert.True(first.Headers.CacheControl!.NoStore);
        var token = permit.GetProperty("mediaToken");
        var (notBefore, notAfter) = (token.GetProperty("notBefore").GetDateTimeOffset(), token.GetProperty("notAfter").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromMinutes(7), notAfter - notBefore);
        string[] tokens = [token.GetProperty("serializedToken").GetString()!, second.GetProperty("mediaToken").GetProperty("serializedToken").GetString()!];
        Assert.NotEqual(tokens[0], tokens[1]);
        // Each is the one the emulator issued for that call: passed on as is, never from a cache.
        Assert.Equal(tokens, _app.Emulator.State().ListMediaTokens().Select(t => t.SerializedToken));

        Assert.Equal("deny", deny.GetProperty("decision").GetString());
        AssertDenied(deny, "authorization_denied_by_mvpd", "none");
        Assert.Equal("Your subscription package does not include \"premium-movie\". Call us to upgrade your package.",
            deny.GetProperty("reason").GetProperty("details").GetString());
        Assert.False(deny.TryGetProperty("mediaToken", out _));
    }

    [Fact]
    public async Task Authorize_Warm_ReadsNoTableAndWritesOnlyThePlayLease()
    {
        var client = await SignedInDeviceAsync("warm-tv");
        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        _app.TableOperations.Reset();

        var permit = await PostAsync(client, "/api/decisions/authorize", new { resource = "show-2" });

        Assert.Equal("permit", permit.GetProperty("decision").GetString());
        var byTable = string.Join(", ", _app.TableOperations.ByTable().Select(t => $"{t.Key}: {t.Value}"));
        Assert.True(_app.TableOperations.Reads == 0, $"A warm authorize read tables: {byTable}");
        Assert.Equal(1, _app.TableOperations.Writes);
        Assert.EndsWith("plays", Assert.Single(_app.TableOperations.ByTable()).Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_WarmRepeatOfAFreshTitle_ReadsAndWritesNoTable()
    {
        var client = await SignedInDeviceAsync("repeat-tv");
        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        await _app.AdvanceAsync(TimeSpan.FromSeconds(30));
        _app.TableOperations.Reset();

        var permit = await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });

        Assert.Equal("permit", permit.GetProperty("decision").GetString());
        var byTable = string.Join(", ", _app.TableOperations.ByTable().Select(t => $"{t.Key}: {t.Value}"));
        Assert.True((_app.TableOperations.Reads, _app.TableOperations.Writes) == (0, 0), $"A warm repeat authorize used tables: {byTable}");
    }

    [Fact]
    public async Task Authorize_NewTitleRecordsItsLeaseAndADeniedOneLeavesNone()
    {
        var client = await SignedInDeviceAsync("lease-tv");

        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        var deny = await PostAsync(client, "/api/decisions/authorize", new { resource = Denied });

        Assert.Equal("deny", deny.GetProperty("decision").GetString());
        var leases = new List<string>();
        await foreach (var row in _app.RawTable("plays").QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            leases.Add(row.GetString("Resource"));
        }
        // The denied title's lease was written while Adobe was asked, then taken back.
        Assert.Equal(["show-1"], leases);
    }

    [Fact]
    public async Task Authorize_AfterRestart_ReadsDeviceProfilesAndPlaysOnceThenNoMore()
    {
        var client = await SignedInDeviceAsync("cold-tv");
        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        await _app.RestartDevHostAsync();
        client = _app.CreateClient(client.DefaultRequestHeaders.Authorization!.Parameter);
        _app.TableOperations.Reset();

        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });
        var cold = _app.TableOperations.ByTable();
        _app.TableOperations.Reset();
        await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" });

        // A new instance knows nothing: one read each of the device (which also holds the access token), its profiles
        // and its plays.
        Assert.Equal([("devices", 1), ("plays", 1), ("profiles", 1)],
            cold.Where(t => t.Value.Reads > 0).Select(t => (t.Key[_app.TablePrefix.Length..], t.Value.Reads)).Order());
        Assert.Equal(0, _app.TableOperations.Reads);
    }

    [Fact]
    public async Task Authorize_ResourceOnTheDenyList_DeniedByTheRuleWithoutAskingAdobe()
    {
        var client = await SignedInDeviceAsync("rules-tv");

        var deny = await PostAsync(client, "/api/decisions/authorize", new { resource = PassBrokerApplication.BlockedResource });

        AssertDenied(deny, "resource_not_allowed", "none");
        Assert.Equal("rule", deny.GetProperty("reason").GetProperty("source").GetString());
        Assert.Equal(0, _app.Emulator.State().AuthorizeCount);
    }

    [Fact]
    public async Task Authorize_FourthTitleAtOnce_DeniedByTheConcurrentPlayLimit()
    {
        var client = await SignedInDeviceAsync("binge-tv");
        foreach (var show in (string[])["show-1", "show-2", "show-3"])
        {
            Assert.Equal("permit", (await PostAsync(client, "/api/decisions/authorize", new { resource = show })).GetProperty("decision").GetString());
        }

        var fourth = await PostAsync(client, "/api/decisions/authorize", new { resource = "show-4" });
        var again = await PostAsync(client, "/api/decisions/authorize", new { resource = "show-2" });

        AssertDenied(fourth, "too_many_concurrent_plays", "none");
        Assert.Equal("permit", again.GetProperty("decision").GetString());
        Assert.Equal(4, _app.Emulator.State().AuthorizeCount);
    }

    [Fact]
    public async Task Logout_InteractiveMvpd_UrlLeadsBackAndDecisionsThenNeedAuthentication()
    {
        var client = await SignedInDeviceAsync("logout-tv");
        await PostAsync(client, "/api/decisions/preauthorize", new { resources = new[] { "show-1" } });

        var logout = await PostAsync(client, "/api/logout", new { });

        var action = Assert.Single(logout.GetProperty("logouts").EnumerateArray().ToList());
        Assert.Equal(("ExampleCable", "logout", "interactive"),
            (action.GetProperty("mvpd").GetString(), action.GetProperty("actionName").GetString(), action.GetProperty("actionType").GetString()));
        var url = new Uri(action.GetProperty("url").GetString()!);
        using (var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }))
        {
            var page = await browser.GetAsync(url);
            Assert.Equal(HttpStatusCode.Found, page.StatusCode);
            Assert.Equal(PassBrokerApplication.SignedOutUrl, page.Headers.Location!.ToString());
        }

        // The profile is gone upstream and from PassBroker's cache; so are the cached permits.
        var profiles = await client.GetFromJsonAsync<JsonElement>("/api/profiles");
        Assert.Empty(profiles.GetProperty("profiles").EnumerateArray());
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" }),
            HttpStatusCode.Forbidden, "authentication_required");
        await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/decisions/preauthorize", new { resources = new[] { "show-1" } }),
            HttpStatusCode.Forbidden, "authentication_required");
    }

    [Fact]
    public async Task Logout_NamedMvpdWithoutAProfileThere_IsInvalidAndNothingElseChanges()
    {
        var client = await SignedInDeviceAsync("named-logout-tv");

        var logout = await PostAsync(client, "/api/logout", new { mvpd = "ExampleSat" });

        Assert.Equal("invalid", logout.GetProperty("logouts")[0].GetProperty("actionName").GetString());
        Assert.Equal("permit", (await PostAsync(client, "/api/decisions/authorize", new { resource = "show-1" })).GetProperty("decision").GetString());
    }

    [Fact]
    public async Task Logout_NeverSignedIn_ReturnsNoActions()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("fresh-tv");

        var logout = await PostAsync(client, "/api/logout", new { });

        Assert.Empty(logout.GetProperty("logouts").EnumerateArray());
        Assert.Equal(0, _app.Emulator.State().LogoutCount);
    }

    [Fact]
    public async Task Decisions_NeverSignedIn_AreAuthenticationRequired()
    {
        var (client, _, _) = await _app.RegisterDeviceAsync("new-tv");

        var problem = await ProblemAssert.IsProblemAsync(await client.PostAsJsonAsync("/api/decisions/authorize", new { resource = "show-1" }),
            HttpStatusCode.Forbidden, "authentication_required");

        Assert.Contains("/api/authentication/sessions", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static void AssertDenied(JsonElement decision, string code, string action)
    {
        Assert.Equal("deny", decision.GetProperty("decision").GetString());
        var reason = decision.GetProperty("reason");
        Assert.Equal((code, action), (reason.GetProperty("code").GetString(), reason.GetProperty("action").GetString()));
    }
}
