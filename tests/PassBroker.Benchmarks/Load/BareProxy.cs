using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Benchmarks.Report;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Load;

/// <summary>
/// The floor of any ASP.NET Core server that makes PassBroker's one upstream hop on this runtime: an empty Kestrel app
/// (no configuration sources, no logging, no middleware beyond routing, no PassBroker code) with one endpoint that
/// takes the POST wrk sends to PassBroker, reads its body, sends the upstream request a warm authorize sends (captured
/// by <see cref="UpstreamRecorder"/>: method, path, headers with the DCR bearer token, body) through one pooled
/// <see cref="HttpClient"/> and returns the emulator's status and body. What PassBroker costs above it is PassBroker's;
/// what it costs above nginx is .NET's (Kestrel, <c>SocketsHttpHandler</c>, the GC).
/// </summary>
internal static class BareProxy
{
    /// <summary>The path it answers: the same as PassBroker's authorize, so wrk sends both the same request.</summary>
    public const string Path = "/api/decisions/authorize";

    /// <param name="upstreamUrl">The emulator's authorize URL.</param>
    /// <param name="upstream">The request PassBroker sent there.</param>
    public static Task<RunningApp> StartAsync(Uri upstreamUrl, CapturedRequest upstream) => RunningApp.StartAsync(urls =>
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls(urls.Split('=', 2)[1]);
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        // One client for the app's lifetime: pooled connections, as IHttpClientFactory's handlers give PassBroker.
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        app.Lifetime.ApplicationStopped.Register(client.Dispose);
        var body = Encoding.UTF8.GetBytes(upstream.Body);
        var contentType = MediaTypeHeaderValue.Parse(upstream.Headers.GetValueOrDefault("Content-Type") ?? "application/json");
        var headers = upstream.Headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).ToArray();
        app.MapPost(Path, async context =>
        {
            // Read to the end, as any server that looks at the body must; nothing is kept.
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted);
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, upstreamUrl) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = contentType;
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            context.Response.ContentLength = response.Content.Headers.ContentLength;
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        return app;
    });
}
