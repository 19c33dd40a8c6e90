using PassBroker.AdobePass.Telemetry;
using Refit;

namespace PassBroker.AdobePass.Tests.Telemetry;

/// <summary>How an upstream call is named for its span and metrics: by route template, with the MVPD read back from the path.</summary>
public sealed class UpstreamOperationsTests
{
    private const string AuthorizeTemplate = "/api/v2/{serviceProvider}/decisions/authorize/{mvpd}";

    [Theory]
    [InlineData("https://adobe.example/api/v2/REF30/decisions/authorize/ExampleCable", AuthorizeTemplate, "ExampleCable")]
    [InlineData("https://adobe.example/api/v2/REF30/decisions/authorize/Example%20Cable", AuthorizeTemplate, "Example Cable")]
    [InlineData("https://adobe.example/api/v2/REF30/logout/ExampleSat?redirectUrl=x", "/api/v2/{serviceProvider}/logout/{mvpd}", "ExampleSat")]
    [InlineData("https://adobe.example/api/v2/REF30/decisions/authorize", AuthorizeTemplate, null)]
    [InlineData("https://adobe.example/api/v2/REF30/profiles", "/api/v2/{serviceProvider}/profiles", null)]
    public void MvpdOf_IsThePathSegmentAtTheTemplatesMvpd(string url, string template, string? mvpd) =>
        Assert.Equal(mvpd, UpstreamOperations.MvpdOf(Request(url, template)));

    [Fact]
    public void MvpdOf_CutsOutOnlyTheSegment()
    {
        var request = Request("https://adobe.example/api/v2/REF30/decisions/authorize/ExampleCable", AuthorizeTemplate);
        // Warm: JIT, the template's segment index, the URI's cached path.
        for (var i = 0; i < 20; i++)
        {
            UpstreamOperations.MvpdOf(request);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var mvpd = UpstreamOperations.MvpdOf(request);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("ExampleCable", mvpd);
        // The MVPD's own string (48 bytes), not a split of the whole path (≈ 400 bytes before), on every upstream call.
        Assert.True(allocated <= 64, $"Reading the MVPD allocated {allocated} bytes.");
    }

    private static HttpRequestMessage Request(string url, string template)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Options.Set(new HttpRequestOptionsKey<string>(HttpRequestMessageOptions.RelativePathTemplate), template);
        return request;
    }
}
