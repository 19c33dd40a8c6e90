using PassBroker.Http.OpenApi;
using Scalar.AspNetCore;

namespace PassBroker.DevHost.Observability;

/// <summary>
/// The DevHost serves PassBroker's OpenAPI document and an interactive reference (Scalar, its script served from the
/// package itself: no CDN, no web fonts, no telemetry), for app developers building against a local PassBroker.
/// DevHost only: these are not routes of <c>PassBroker.Http.Routes</c>, and the Functions app does not serve them.
/// </summary>
public static class ApiReference
{
    public const string ReferencePath = "/docs";

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddPassBrokerOpenApi();
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(OpenApiExtensions.DocumentPath);
        app.MapScalarApiReference(ReferencePath, options =>
        {
            options.Title = "PassBroker API";
            options.OpenApiRoutePattern = OpenApiExtensions.DocumentPath;
            options.DefaultFonts = false;
            options.Telemetry = false;
        });
        return app;
    }
}
