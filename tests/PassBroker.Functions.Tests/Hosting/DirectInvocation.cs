using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace PassBroker.Functions.Tests.Hosting;

/// <summary>A compiled HTTP function invoked as a method, with a real <see cref="DefaultHttpContext"/> and the app's services.</summary>
internal static class DirectInvocation
{
    /// <param name="function">The function.</param>
    /// <param name="functionsApp">The Functions app's services.</param>
    /// <param name="durableClient">For a <c>[DurableClient]</c> parameter.</param>
    /// <param name="request">Fills in the request; the method is the trigger's first and the path its route's unless set.</param>
    /// <returns>The context, its response written to a readable <see cref="MemoryStream"/>.</returns>
    public static async Task<HttpContext> InvokeAsync(
        this CompiledFunction function, IServiceProvider functionsApp, DurableTaskClient durableClient, Action<HttpRequest>? request = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = function.HttpMethods.First();
        context.Request.Path = "/" + function.HttpTrigger!.Route!.Replace("{code}", "ABC123", StringComparison.Ordinal);
        context.Response.Body = new MemoryStream();
        request?.Invoke(context.Request);

        await FunctionsHttpServer.InvokeAsync(function, context, functionsApp, durableClient);
        context.Response.Body.Position = 0;
        return context;
    }
}
