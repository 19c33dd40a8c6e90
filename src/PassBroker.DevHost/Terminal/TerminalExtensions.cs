namespace PassBroker.DevHost.Terminal;

/// <summary>What a developer sees in the DevHost's terminal: the start-up banner and one line per request.</summary>
internal static class TerminalExtensions
{
    public static WebApplicationBuilder AddDevHostTerminal(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }

    /// <summary>First in the pipeline, so the line has the status the client got, Problem Details included.</summary>
    public static WebApplication UseDevHostRequestLog(this WebApplication app)
    {
        app.UseMiddleware<RequestLogMiddleware>();
        return app;
    }
}
