using Microsoft.AspNetCore.Builder;

namespace PassBroker.Testing.Hosting;

/// <summary>A web app started on a free loopback port, over real HTTP.</summary>
public sealed class RunningApp(WebApplication app) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public Uri BaseAddress { get; } = new(app.Urls.First());

    public IServiceProvider Services => App.Services;

    /// <summary>Builds and starts the app; <paramref name="create"/> gets the <c>--urls</c> argument to pass on.</summary>
    public static async Task<RunningApp> StartAsync(Func<string, WebApplication> create)
    {
        var app = create("--urls=http://127.0.0.1:0");
        await app.StartAsync();
        return new RunningApp(app);
    }

    public HttpClient CreateClient(bool followRedirects = true) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = followRedirects, UseCookies = false }) { BaseAddress = BaseAddress };

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
