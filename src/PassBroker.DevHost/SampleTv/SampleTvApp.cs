using PassBroker.Http.Pages;

namespace PassBroker.DevHost.SampleTv;

/// <summary>
/// The reference TV app at <c>/sample/tv</c>: one page, one script and one stylesheet that walk the whole Adobe Pass
/// flow through PassBroker's public API, as a streaming app on a TV would (the script is the example to copy).
/// DevHost only, like the API reference: these are not routes of <c>PassBroker.Http.Routes</c>, the Functions app
/// does not serve them, and they are left out of the OpenAPI document.
/// </summary>
public static class SampleTvApp
{
    public const string BasePath = "/sample/tv";

    public static WebApplication MapSampleTv(this WebApplication app)
    {
        var assets = SampleTvAssets.Load();
        var group = app.MapGroup(BasePath).ExcludeFromDescription();
        group.MapGet("", () => SampleTvResults.Page(assets.Page));
        group.MapGet("/" + SampleTvAssets.ScriptName, () => SampleTvResults.Asset(assets.Script, "text/javascript; charset=utf-8"));
        group.MapGet("/" + SampleTvAssets.StylesheetName, () => SampleTvResults.Asset(assets.Stylesheet, "text/css; charset=utf-8"));
        group.MapGet("/" + SampleTvQrCode.FileName, (string? url, SecondScreenLinks secondScreen) =>
            SampleTvResults.Svg(SampleTvQrCode.Render(url, secondScreen)));
        return app;
    }
}
