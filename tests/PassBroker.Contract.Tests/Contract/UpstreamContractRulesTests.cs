using System.Text;
using PassBroker.Testing.EndToEnd.Contract;

namespace PassBroker.Contract.Tests.Contract;

/// <summary>The contract's rules on hand-made exchanges, so each rule is seen to fail as well as pass.</summary>
public sealed class UpstreamContractRulesTests
{
    private const string DeviceId = "fingerprint ZGV2aWNlLTE=";
    private const string SessionBody = "mvpd=ExampleCable&domainName=localhost&redirectUrl=https%3A%2F%2Ftv.example%2Fdone";
    private const string SessionAnswer =
        """{"actionName":"authenticate","actionType":"interactive","reasonType":"none","url":"/api/v2/authenticate/REF30/ABC","code":"ABC","sessionId":"s1","mvpd":"ExampleCable","serviceProvider":"REF30","notBefore":"1","notAfter":"2"}""";

    private static readonly string DeviceInfo = Base64("""{"model":"m","version":"1","osName":"Android","osVersion":"12","connectionType":"LAN"}""");
    private static readonly UpstreamContract Contract = UpstreamContract.ForTests;

    [Fact]
    public void Check_DocumentedSessionCreation_FindsNothing()
    {
        var problems = Contract.Check(CreateSession());

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("AP-Device-Identifier")]
    [InlineData("X-Device-Info")]
    [InlineData("Authorization")]
    [InlineData("Content-Type")]
    public void Check_RequiredHeaderRemoved_NamesTheHeaderAndThePage(string header)
    {
        var problems = Contract.Check(CreateSession(without: header));

        Assert.Contains(problems, p => p.StartsWith($"missing required header {header} (page rest-apis/rest-api-v2/apis/sessions-apis/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("X-Device-Info", "eyJtb2RlbCI6Im0ifQ==", "header X-Device-Info lacks the required 'version'")]
    [InlineData("X-Device-Info", "not base64!", "header X-Device-Info is not the standard, padded Base64 of a JSON object")]
    [InlineData("AP-Device-Identifier", "ZGV2aWNlLTE=", "header AP-Device-Identifier is not 'fingerprint <Base64 device id>'")]
    [InlineData("AP-Device-Identifier", "fingerprint ZGV2aWNlLTE", "header AP-Device-Identifier does not carry the standard, padded Base64 of a device id")]
    [InlineData("Authorization", "Basic abc", "header Authorization is not 'Bearer <access token>'")]
    [InlineData("X-Forwarded-For", "198.51.100.23:51734", "header X-Forwarded-For is not a single IP address")]
    public void Check_MalformedHeader_SaysWhatIsWrong(string header, string value, string expected)
    {
        var problems = Contract.Check(CreateSession(replace: (header, value)));

        Assert.Contains(expected, problems);
    }

    [Fact]
    public void Check_RestrictedDeviceInfoValueOffTheList_IsAViolation()
    {
        var info = Base64("""{"primaryHardwareType":"Server","model":"m","version":"1","osName":"Android","osVersion":"12","connectionType":"LAN"}""");

        var problems = Contract.Check(CreateSession(replace: ("X-Device-Info", info)));

        Assert.Contains("header X-Device-Info 'primaryHardwareType' is 'Server', not one of the page's values", problems);
    }

    [Fact]
    public void Check_ConfigurationWithoutDeviceHeaders_FollowsThePageNotTheOpenApi()
    {
        var exchange = Exchange("GET", "/api/v2/REF30/configuration", Headers(), 200, """{"requestor":{"id":"REF30","mvpds":[]}}""");

        var problems = Contract.Check(exchange);

        Assert.Equal(2, problems.Count(p => p.StartsWith("missing required header", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.StartsWith("missing required header X-Device-Info (page rest-apis/rest-api-v2/apis/configuration-apis/", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UndocumentedFieldInTheAnswer_IsAViolation()
    {
        var exchange = Exchange("GET", "/api/v2/REF30/configuration", Headers(device: true), 200, """{"device":"unknown","requestor":{"id":"REF30"}}""");

        var problems = Contract.Check(exchange);

        Assert.Contains(problems, p => p.StartsWith("response body (200)", StringComparison.Ordinal) && p.Contains("device", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_StatusNeitherSourceLists_IsAViolation()
    {
        var exchange = CreateSession() with { Status = 404 };

        var problems = Contract.Check(exchange);

        Assert.Contains(problems, p => p.StartsWith("status 404 is in neither", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_LogoutWithoutRedirectUrlOrWithAnExtraParameter_FollowsThePage()
    {
        var exchange = Exchange("GET", "/api/v2/REF30/logout/ExampleCable", Headers(device: true), 200, """{"logouts":{}}""", query: "?x=1");

        var problems = Contract.Check(exchange);

        Assert.Contains("missing required query parameter redirectUrl", problems);
        Assert.Contains("undocumented query parameter x", problems);
    }

    [Fact]
    public void Check_PromotionalAuthorizeWithoutIdentity_IsAViolation()
    {
        var exchange = Exchange("POST", "/api/v2/REF30/decisions/authorize/TempPassPromo_REF30", Headers(device: true, contentType: "application/json"),
            200, """{"decisions":[]}""", body: """{"resources":["r1"]}""");

        var problems = Contract.Check(exchange);

        Assert.Equal(["missing AP-TempPass-Identity, which a promotional TempPass MVPD needs"], problems);
    }

    [Fact]
    public void Check_TokenCredentialsInTheQuery_FollowsThePageNotTheOpenApi()
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Device-Info"] = DeviceInfo };
        var exchange = Exchange("POST", "/o/client/token", headers, 400, """{"error":"invalid_request"}""", query: "?client_id=a&client_secret=b&grant_type=client_credentials");

        var problems = Contract.Check(exchange);

        Assert.Contains("undocumented query parameter client_id", problems);
        Assert.Contains(problems, p => p.StartsWith("request body", StringComparison.Ordinal) && p.Contains("client_id", StringComparison.Ordinal));
    }

    [Fact]
    public void Exclusion_InjectedFaultAndBrowserCall_AreLeftOutWithTheReason()
    {
        Assert.Equal("injected by the emulator's fault layer (Status)", UpstreamContract.Exclusion(CreateSession() with { InjectedFault = "Status" }));
        Assert.Equal("opened by the user agent", UpstreamContract.Exclusion(Exchange("GET", "/api/v2/authenticate/REF30/ABC", Headers(), 302, "")));
        Assert.Null(UpstreamContract.Exclusion(CreateSession()));
    }

    private static UpstreamExchange CreateSession(string? without = null, (string Name, string Value)? replace = null)
    {
        var headers = Headers(device: true, contentType: "application/x-www-form-urlencoded");
        headers.Remove(without ?? "");
        if (replace is { } r)
        {
            headers[r.Name] = r.Value;
        }

        return Exchange("POST", "/api/v2/REF30/sessions", headers, 200, SessionAnswer, body: SessionBody);
    }

    private static Dictionary<string, string> Headers(bool device = false, string? contentType = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Authorization"] = "Bearer token-1",
            ["X-Forwarded-For"] = "198.51.100.23",
            ["Accept"] = "application/json;charset=utf-8",
        };
        if (device)
        {
            headers["AP-Device-Identifier"] = DeviceId;
            headers["X-Device-Info"] = DeviceInfo;
        }

        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        return headers;
    }

    private static UpstreamExchange Exchange(
        string method, string path, Dictionary<string, string> headers, int status, string response, string body = "", string query = "") =>
        new(method, path, query, new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase), Encoding.UTF8.GetBytes(body),
            status, response.Length == 0 ? null : "application/json;charset=UTF-8", Encoding.UTF8.GetBytes(response), null);

    private static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
