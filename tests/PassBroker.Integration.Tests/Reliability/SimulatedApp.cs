using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PassBroker.Testing.EndToEnd;
using PassBroker.Testing.Hosting;

namespace PassBroker.Integration.Tests.Reliability;

/// <summary>
/// A well-behaved streaming app on one device: registers, signs in (the user logs in at the MVPD in a browser), then
/// authorizes plays until the run's deadline. It waits what <c>Retry-After</c> says (a little less for 5xx, to keep
/// the run short) and tries again.
/// </summary>
internal sealed class SimulatedApp(PassBrokerApplication app, FaultMatrixCounts counts, string deviceId, string ip, DateTimeOffset deadline)
{
    private static readonly TimeSpan LongestOutageWait = TimeSpan.FromSeconds(2);

    private HttpClient _client = null!;

    private static bool Before(DateTimeOffset deadline) => DateTimeOffset.UtcNow < deadline;

    /// <summary>Runs the device until the deadline; a sign-in that is pending then is followed for <paramref name="grace"/> more.</summary>
    public async Task RunAsync(TimeSpan grace)
    {
        if (await RegisterAsync() is not { } token)
        {
            return;
        }
        _client = app.CreateClient(token, ip: ip);
        if (await SignInAsync(grace))
        {
            await AuthorizeUntilDeadlineAsync();
        }
    }

    private async Task<string?> RegisterAsync()
    {
        using var anonymous = app.CreateClient(ip: ip);
        using var response = await SendAsync(() => anonymous.PostAsJsonAsync("/api/devices", TestRequests.Registration(deviceId)));
        return response?.IsSuccessStatusCode == true
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceToken").GetString()
            : null;
    }

    private async Task<bool> SignInAsync(TimeSpan grace)
    {
        using var started = await SendAsync(() => _client.PostAsJsonAsync("/api/authentication/sessions", new { mvpd = "ExampleCable" }));
        if (started?.StatusCode != HttpStatusCode.Accepted)
        {
            return false;
        }
        var session = await started.Content.ReadFromJsonAsync<JsonElement>();
        var code = session.GetProperty("code").GetString()!;
        counts.SignInStarted(code);
        await BrowserLogin.SignInAsync(session.GetProperty("loginUrl").GetString()!, "alice", "alice-pw");

        // The status long-poll is answered from storage, never upstream; it ends when the polling workflow decides.
        var status = "pending";
        while (status == "pending" && Before(deadline + grace))
        {
            using var answer = await _client.GetAsync($"/api/authentication/sessions/{code}?wait=5");
            await counts.RecordAsync(answer, ip);
            if (answer.IsSuccessStatusCode)
            {
                status = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString()!;
            }
        }
        counts.SignInEnded(code, status);
        return status == "authenticated";
    }

    private async Task AuthorizeUntilDeadlineAsync()
    {
        while (Before(deadline))
        {
            using var response = await SendOnceAsync(() => _client.PostAsJsonAsync("/api/decisions/authorize", new { resource = "news", mvpd = "ExampleCable" }));
            if (response.IsSuccessStatusCode)
            {
                counts.Decision((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("decision").GetString()!);
                await Task.Delay(TimeSpan.FromMilliseconds(700)); // the next play
            }
            else
            {
                await WaitAsAskedAsync(response);
            }
        }
    }

    /// <summary>Sends until the answer is neither 429 nor 5xx, or the deadline passes (null then).</summary>
    private async Task<HttpResponseMessage?> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        while (Before(deadline))
        {
            var response = await SendOnceAsync(send);
            if (response.StatusCode != HttpStatusCode.TooManyRequests && (int)response.StatusCode < 500)
            {
                return response;
            }
            await WaitAsAskedAsync(response);
            response.Dispose();
        }
        return null;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(Func<Task<HttpResponseMessage>> send)
    {
        var response = await send();
        await response.Content.LoadIntoBufferAsync();
        await counts.RecordAsync(response, ip);
        return response;
    }

    private static Task WaitAsAskedAsync(HttpResponseMessage response)
    {
        var asked = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
        return Task.Delay(response.StatusCode == HttpStatusCode.TooManyRequests || asked < LongestOutageWait ? asked : LongestOutageWait);
    }
}
