using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PassBroker.Http.Decisions;
using PassBroker.Http.Edge;
using PassBroker.Integration.Tests.Support;
using PassBroker.Testing.EndToEnd;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// Every body a route reads or writes has source-generated metadata (<see cref="HttpJsonContext"/>), and the host's
/// JSON options really resolve it from there rather than by reflection.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HttpJsonContextTests(SharedApplication shared) : IClassFixture<SharedApplication>
{
    // Its tests only read: one application for the class.
    private readonly PassBrokerApplication _app = shared.App;

    [Fact]
    public void EveryRouteBody_HasSourceGeneratedMetadata()
    {
        // Arrange: the bodies the routes declare (Accepts and Produces metadata), without the framework's problem types.
        var endpoints = _app.DevHost.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var bodies = endpoints
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type)
                .Concat(e.Metadata.OfType<IAcceptsMetadata>().Select(m => m.RequestType)))
            .OfType<Type>()
            .Where(t => t != typeof(void) && !typeof(ProblemDetails).IsAssignableFrom(t))
            .Distinct()
            .ToList();

        // Act
        var missing = bodies.Where(t => HttpJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.Name).ToList();

        // Assert
        Assert.True(bodies.Count >= 15, $"Only {bodies.Count} body types found: the metadata scan is broken.");
        Assert.True(missing.Count == 0, "Add [JsonSerializable] to HttpJsonContext for " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(typeof(AuthorizeRequest))]
    [InlineData(typeof(AuthorizeResponse))]
    public void HostOptions_ResolveBodiesFromTheContext_WithTheApiSettings(Type body)
    {
        var hostOptions = _app.DevHost.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        foreach (var options in new[] { hostOptions, HttpJson.Options })
        {
            var info = options.GetTypeInfo(body);

            Assert.Same(HttpJsonContext.Default, info.OriginatingResolver);
            // The API's settings, not the context's defaults, still apply: camelCase names, strict reading.
            Assert.Equal(JsonNamingPolicy.CamelCase, info.Options.PropertyNamingPolicy);
            Assert.Equal(JsonCommentHandling.Disallow, info.Options.ReadCommentHandling);
        }
    }

    [Fact]
    public void HttpJsonOptions_KeepReflectionBehindTheContext_ForOtherTypes()
    {
        var info = HttpJson.Options.GetTypeInfo(typeof(Dictionary<string, Version>));

        Assert.NotSame(HttpJsonContext.Default, info.OriginatingResolver);
    }
}
