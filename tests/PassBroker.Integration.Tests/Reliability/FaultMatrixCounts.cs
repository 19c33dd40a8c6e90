using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PassBroker.Integration.Tests.Reliability;

/// <summary>What the simulated apps saw of PassBroker during a fault-matrix run, and what the emulator saw of PassBroker.</summary>
internal sealed class FaultMatrixCounts
{
    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _signIns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _rateLimitedByIp = new(StringComparer.Ordinal);
    private int _requests;
    private int _undeliberate5xx;
    private int _deliberate5xx;
    private int _rateLimited;
    private int _permits;
    private int _denies;

    public int Requests => _requests;
    public int Undeliberate5xx => _undeliberate5xx;
    public int Deliberate5xx => _deliberate5xx;
    public int RateLimited => _rateLimited;
    public int Permits => _permits;
    public int Denies => _denies;
    public int SignInsStarted => _signIns.Count;
    public int SignInsAuthenticated => _signIns.Values.Count(s => s == "authenticated");

    /// <summary>Sign-ins PassBroker accepted (202, pending) that did not end authenticated although the user logged in.</summary>
    public IReadOnlyList<string> LostSignIns => _signIns.Where(s => s.Value != "authenticated").Select(s => $"{s.Key}:{s.Value}").ToList();

    /// <summary>Upstream side, read from the emulator at the end.</summary>
    public int UpstreamRequests { get; set; }
    public IReadOnlyDictionary<string, int> UpstreamFaults { get; set; } = new Dictionary<string, int>();
    public int UpstreamThrottled429s { get; set; }

    public void SignInStarted(string code) => _signIns[code] = "pending";

    public void SignInEnded(string code, string status) => _signIns[code] = status;

    public void Decision(string decision) => Interlocked.Increment(ref decision == "permit" ? ref _permits : ref _denies);

    /// <summary>Counts one answer by status and Problem Details code; a 5xx is deliberate only as a 502/503/504 problem with a code.</summary>
    public async Task RecordAsync(HttpResponseMessage response, string deviceIp)
    {
        Interlocked.Increment(ref _requests);
        var status = (int)response.StatusCode;
        var code = await ProblemCodeAsync(response);
        _answers.AddOrUpdate(code is null ? status.ToString(CultureInfo.InvariantCulture) : $"{status} {code}", 1, (_, n) => n + 1);
        if (status >= 500)
        {
            var deliberate = status is 502 or 503 or 504 && code is not null;
            Interlocked.Increment(ref deliberate ? ref _deliberate5xx : ref _undeliberate5xx);
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests && code == "rate_limited" && response.Headers.RetryAfter is not null)
        {
            Interlocked.Increment(ref _rateLimited);
            _rateLimitedByIp.AddOrUpdate(deviceIp, 1, (_, n) => n + 1);
        }
    }

    public string Summary(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"FAULT-MATRIX elapsed={elapsed.TotalSeconds:F1}s app-requests={Requests} passbroker-undeliberate-5xx={Undeliberate5xx} " +
        $"passbroker-deliberate-5xx={Deliberate5xx} app-429-rate_limited={RateLimited} sign-ins-started={SignInsStarted} " +
        $"rate_limited-by-ip=[{string.Join(", ", _rateLimitedByIp.OrderBy(r => r.Key).Select(r => $"{r.Key}: {r.Value}"))}] " +
        $"sign-ins-authenticated={SignInsAuthenticated} lost-pending-sign-ins={LostSignIns.Count} permits={Permits} denies={Denies} " +
        $"upstream-requests={UpstreamRequests} upstream-faults-injected={UpstreamFaults.Values.Sum()} " +
        $"({string.Join(',', UpstreamFaults.OrderBy(f => f.Key).Select(f => $"{f.Key}:{f.Value}"))}) " +
        $"upstream-429-from-throttle={UpstreamThrottled429s} answers=[{string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}]");

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
    }
}
