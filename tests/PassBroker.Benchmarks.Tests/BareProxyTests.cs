using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using PassBroker.Benchmarks.Load;
using PassBroker.Benchmarks.Report;
using PassBroker.Testing.Hosting;

namespace PassBroker.Benchmarks.Tests;

/// <summary>The bare .NET proxy target makes the upstream call a warm authorize makes and relays the answer.</summary>
public sealed class BareProxyTests
{
    [Fact]
    public async Task Post_SendsTheCapturedUpstreamRequestAndRelaysItsAnswer()
    {
        var seen = new TaskCompletionSource<(string Method, string Path, string Authorization, string DeviceInfo, string ContentType, string Body)>();
        await using var upstream = await RunningApp.StartAsync(urls =>
        {
            var app = WebApplication.CreateSlimBuilder([urls]).Build();
            app.MapPost("/api/v2/REF30/decisions/authorize/ExampleCable", async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                seen.TrySetResult((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.ToString(),
                    context.Request.Headers["X-Device-Info"].ToString(), context.Request.ContentType!, await reader.ReadToEndAsync()));
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"decisions":[]}""");
            });
            return app;
        });
        var captured = new CapturedRequest("/api/v2/REF30/decisions/authorize/ExampleCable", """{"resources":["show-1"]}""", new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer dcr-token",
            ["X-Device-Info"] = "eyJwcmltYXJ5SGFyZHdhcmVUeXBlIjoiU2V0VG9wQm94In0",
            ["Content-Type"] = "application/json; charset=utf-8",
        });
        await using var bare = await BareProxy.StartAsync(new Uri(upstream.BaseAddress, captured.Path), captured);
        using var client = bare.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, BareProxy.Path) { Content = new StringContent("""{"resource":"show-1"}""", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new("Bearer", "device-token");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("""{"decisions":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("POST", captured.Path, "Bearer dcr-token", captured.Headers["X-Device-Info"], "application/json; charset=utf-8", captured.Body), await seen.Task);
    }
}
