using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PassBroker.Testing.Hosting;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>
/// The Functions app's compiled HTTP functions over real HTTP, doing plainly what the Functions host and the worker's
/// ASP.NET Core integration do for a request: each function is mapped at its trigger's route and methods (host.json's
/// route prefix is empty); a request gets a scope of the Functions app's own services as its request services (the
/// worker's invocation services), an instance of the function's class made by constructor injection, its
/// <see cref="HttpRequest"/>, route values, and a <see cref="DurableTaskClient"/> for <c>[DurableClient]</c>; the
/// <see cref="IActionResult"/> it returns is executed as the worker's proxying middleware executes it.
/// </summary>
internal static class FunctionsHttpServer
{
    public static Task<RunningApp> StartAsync(IServiceProvider functionsApp, DurableTaskClient durableClient) =>
        RunningApp.StartAsync(urls =>
        {
            var builder = WebApplication.CreateSlimBuilder([urls]);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            foreach (var function in CompiledFunctions.Http)
            {
                app.MapMethods(function.HttpTrigger!.Route!, function.HttpMethods.ToList(),
                    context => InvokeAsync(function, context, functionsApp, durableClient));
            }
            return app;
        });

    /// <summary>
    /// Invokes <paramref name="function"/> for <paramref name="context"/> as the worker does: the invocation's services
    /// as request services, the class made by constructor injection, the parameters bound, the returned
    /// <see cref="IActionResult"/> executed as the worker's proxying middleware executes it.
    /// </summary>
    public static async Task InvokeAsync(CompiledFunction function, HttpContext context, IServiceProvider functionsApp, DurableTaskClient durableClient)
    {
        await using var invocation = functionsApp.CreateAsyncScope();
        context.RequestServices = invocation.ServiceProvider;
        var target = function.Activate(invocation.ServiceProvider);
        var arguments = function.Method.GetParameters().Select(p => Bind(p, function, context, durableClient)).ToArray();

        var result = await (Task<IActionResult>)function.Method.Invoke(target, arguments)!;
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    private static object? Bind(ParameterInfo parameter, CompiledFunction function, HttpContext context, DurableTaskClient durableClient)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return context.Request;
        }
        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return durableClient;
        }
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }
        if (parameter.ParameterType == typeof(string) && context.Request.RouteValues.TryGetValue(parameter.Name!, out var value))
        {
            return value?.ToString();
        }
        // A parameter this server cannot bind is one the worker might bind differently: make the test say so.
        throw new NotSupportedException($"{function}: parameter {parameter.Name} ({parameter.ParameterType.Name}) has no binding in the test server.");
    }
}
