using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using PassBroker.Http;

namespace PassBroker.Functions.Edge;

/// <summary>
/// The DevHost's HTTP surface inside the Functions worker: the endpoints of <c>MapPassBroker</c> behind the middleware of
/// <c>UsePassBrokerHttp</c> (forwarded headers, the request's log scope, Problem Details for failures), built once from
/// the app's own services. Each endpoint's request delegate is made by ASP.NET Core's request-delegate factory, as in the
/// DevHost, so it binds the handler's parameters (services, route values, query) itself: a handler that gains a
/// parameter needs no edit here, and both hosts answer alike by construction.
/// </summary>
internal sealed class HttpSurface
{
    // What a function returns once the pipeline has written the response: an IActionResult (so the trigger keeps the
    // http output binding the host expects of an HTTP function) that the worker executes as nothing.
    private static readonly IActionResult Served = new EmptyResult();

    private readonly Dictionary<(string Route, string Method), Target> _targets;
    private readonly RequestDelegate _pipeline;

    public HttpSurface(IServiceProvider services)
    {
        var routes = new EndpointCollector(services);
        routes.MapPassBroker();
        _targets = routes.DataSources
            .SelectMany(source => source.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(method => (Key: (endpoint.RoutePattern.RawText!, method), Endpoint: endpoint)))
            .ToDictionary(e => e.Key, e => new Target(e.Endpoint));

        var app = new ApplicationBuilder(services);
        app.UsePassBrokerHttp();
        app.Run(context => context.GetEndpoint()!.RequestDelegate!(context));
        _pipeline = app.Build();
    }

    /// <summary>Every route and method the surface serves (the functions must cover exactly these).</summary>
    public IEnumerable<(string Route, string Method)> Routes => _targets.Keys;

    /// <summary>Serves a request that the Functions host routed to a function of <paramref name="route"/>.</summary>
    /// <param name="request">The function's request (ASP.NET Core integration: the real HttpContext).</param>
    /// <param name="route">The <see cref="PassBroker.Http.Routes"/> constant of the function's trigger.</param>
    public async Task<IActionResult> ServeAsync(HttpRequest request, string route)
    {
        var method = HttpMethods.GetCanonicalizedValue(request.Method);
        if (!_targets.TryGetValue((route, method), out var target))
        {
            // A trigger whose route or methods are not PassBroker's: a programming error the compiled-function tests catch.
            throw new InvalidOperationException($"PassBroker maps no {method} {route}.");
        }

        var context = request.HttpContext;
        // The worker routed the request already; its route values are matched again here so the same holds when a
        // function is invoked directly (tests), and the endpoint becomes PassBroker's, with its metadata and display name.
        target.Matcher.TryMatch(request.Path, request.RouteValues);
        context.SetEndpoint(target.Endpoint);
        await _pipeline(context);
        return Served;
    }

    private sealed class Target(RouteEndpoint endpoint)
    {
        public RouteEndpoint Endpoint { get; } = endpoint;

        public TemplateMatcher Matcher { get; } = new(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary());
    }

    /// <summary>Collects the endpoints the map calls declare, as a WebApplication would, without serving them.</summary>
    private sealed class EndpointCollector(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider => services;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(services);
    }
}
