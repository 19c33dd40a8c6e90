using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting.Azurite;
using Xunit.Abstractions;

namespace PassBroker.Integration.Tests.Fuzz;

/// <summary>
/// 10,000 malformed requests across every route over real HTTP: none may get a 5xx (beyond a deliberate upstream
/// 502/503/504 Problem Details) or hang, and the server must still serve afterwards. The seed is printed; set
/// <c>PASSBROKER_FUZZ_SEED</c> to replay a run, and the failure names each bad request by its index.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileInputFuzzTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    public const string SeedVariable = "PASSBROKER_FUZZ_SEED";
    private const int Requests = 10_000;
    private const int Parallelism = 8;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private PassBrokerApplication _app = null!;

    // Most second-screen code entries get past the per-IP limit, so the fuzz reaches the code checks behind it.
    public async Task InitializeAsync() => _app = await PassBrokerApplication.StartAsync(azurite, "--SecondScreen:CodeAttemptsPerIp=400");

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TenThousandMalformedRequests_NoServerErrorNoHangAndTheServerStillServes()
    {
        var seed = Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"Fuzz seed {seed} (replay: {SeedVariable}={seed})");
        var generator = new HostileRequestGenerator(await CredentialsAsync(), seed);

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var (transportErrors, replayed) = (0, 0);
        using var client = CreateClient();
        using var clock = new CancellationTokenSource();
        // Long polls (?wait=) wait on the fake clock: keep it moving, a second per 50 ms.
        var ticking = TickAsync(clock.Token);
        var watch = Stopwatch.StartNew();

        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (index, ct) =>
        {
            var request = generator.Create(index);
            try
            {
                var (status, body) = await SendAsync(client, request, ct);
                if (status is null)
                {
                    // The pooled connection was closed by the server after an earlier request on it (a bad request line,
                    // an unread body) while this one was already on its way: the request is sent again, alone.
                    Interlocked.Increment(ref replayed);
                    using var fresh = CreateClient();
                    (status, body) = await SendAsync(fresh, request, ct);
                }
                statuses.AddOrUpdate(status ?? 0, 1, (_, n) => n + 1);
                if (status is null || (status >= 500 && !IsDeliberateUpstreamProblem(status, body)))
                {
                    failures.Enqueue($"{status?.ToString(CultureInfo.InvariantCulture) ?? "connection closed"} {body} <- {request}");
                }
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                failures.Enqueue($"no answer within {RequestTimeout.TotalSeconds} s <- {request}");
            }
            catch (HttpRequestException) when (request.ExceedsServerCap(PassBrokerApplication.MaxResourcesBodyBytes))
            {
                // Kestrel may answer 413 and close the connection while the client is still uploading.
                Interlocked.Increment(ref transportErrors);
            }
        });
        await clock.CancelAsync();
        await ticking;

        output.WriteLine($"{Requests} requests in {watch.Elapsed.TotalSeconds:0.0} s; statuses: " +
            string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")) + $"; connections cut on oversized bodies: {transportErrors}; sent again on a new connection: {replayed}");
        var errors = _app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{errors.Count} error log lines:\n" + string.Join("\n", errors.Take(10).Select(l => l.Length > 1500 ? l[..1500] : l)));
        Assert.True(failures.IsEmpty, $"Seed {seed}: {failures.Count} bad answers. First ones:\n" + string.Join("\n", failures.Take(15)));
        Assert.Equal(Requests, statuses.Values.Sum() + transportErrors);
        Assert.Empty(errors); // an unhandled exception is logged as an error even when the client saw no 500

        // Still up, and still itself: health, and a device's ordinary request.
        using var health = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var (device, _, _) = await _app.RegisterDeviceAsync("after-the-fuzz-tv");
        Assert.Equal(HttpStatusCode.OK, (await device.GetAsync("/api/mvpds")).StatusCode);
    }

    // Header values go out as Latin-1 bytes, as a client that does not speak ASCII sends them.
    private HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1,
    })
    { BaseAddress = _app.DevHost.BaseAddress, Timeout = RequestTimeout };

    /// <returns>The status and body, or a null status when the connection closed before any answer.</returns>
    private static async Task<(int? Status, string Body)> SendAsync(HttpClient client, HostileRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, cancellationToken);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e) when (e.InnerException is IOException && !request.ExceedsServerCap(PassBrokerApplication.MaxResourcesBodyBytes))
        {
            return (null, e.InnerException.Message);
        }
    }

    // 502/503/504 are allowed only as Problem Details blaming Adobe (upstream_*): never a bare or internal error.
    private static bool IsDeliberateUpstreamProblem(int? status, string body)
    {
        if (status is not (502 or 503 or 504))
        {
            return false;
        }
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var code)
                && code.GetString()!.StartsWith("upstream_", StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private async Task<FuzzCredentials> CredentialsAsync()
    {
        var (device, token, _) = await _app.RegisterDeviceAsync("fuzz-tv");
        var (other, otherToken, _) = await _app.RegisterDeviceAsync("fuzz-neighbour-tv");
        // Signed in, so the decisions and logout routes get past "sign in first" to Adobe and the rules.
        var signedIn = await _app.SignInAsync(device, "alice", "alice-pw");
        return new FuzzCredentials(token, otherToken, PassBrokerApplication.AdminKey, signedIn, await StartAsync(other));
    }

    private static async Task<string> StartAsync(HttpClient device)
    {
        var response = await device.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
    }

    private async Task TickAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            _app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
