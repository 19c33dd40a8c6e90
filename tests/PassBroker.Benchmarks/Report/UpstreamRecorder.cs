using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace PassBroker.Benchmarks.Report;

/// <summary>
/// Middleware in the emulator: counts the sign-in polls that reach it (with their times), and keeps a copy of the
/// first authorize request PassBroker sent, so the direct and nginx runs replay exactly what PassBroker sends upstream.
/// </summary>
internal sealed partial class UpstreamRecorder : IStartupFilter
{
    private static readonly string[] ForwardedHeaders = ["Authorization", "AP-Device-Identifier", "X-Device-Info", "X-Forwarded-For", "Content-Type"];
    private readonly ConcurrentQueue<DateTimeOffset> _polls = new();
    private readonly TaskCompletionSource<CapturedRequest> _authorize = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The first upstream authorize, once one was seen.</summary>
    public Task<CapturedRequest> Authorize => _authorize.Task;

    /// <summary>Sign-in polls (<c>/profiles/{mvpd}</c> or <c>/profiles/code/{code}</c>) seen since <paramref name="since"/>.</summary>
    public int PollsSince(DateTimeOffset since) => _polls.Count(at => at >= since);

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (SignInPoll().IsMatch(path))
            {
                _polls.Enqueue(DateTimeOffset.UtcNow);
            }
            else if (!_authorize.Task.IsCompleted && path.Contains("/decisions/authorize/", StringComparison.Ordinal))
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                var body = await reader.ReadToEndAsync();
                context.Request.Body.Position = 0;
                var headers = ForwardedHeaders.Where(h => context.Request.Headers.ContainsKey(h))
                    .ToDictionary(h => h, h => context.Request.Headers[h].ToString(), StringComparer.OrdinalIgnoreCase);
                _authorize.TrySetResult(new CapturedRequest(path, body, headers));
            }
            await following(context);
        });
        next(app);
    };

    // GET /api/v2/{sp}/profiles/{mvpd} and /profiles/code/{code}; not /profiles itself, which the app's profile reads use.
    [GeneratedRegex("^/api/v2/[^/]+/profiles/(code/)?[^/]+$")]
    private static partial Regex SignInPoll();
}

/// <param name="Path">The upstream path.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="Headers">The headers that matter to the emulator.</param>
internal sealed record CapturedRequest(string Path, string Body, IReadOnlyDictionary<string, string> Headers);
