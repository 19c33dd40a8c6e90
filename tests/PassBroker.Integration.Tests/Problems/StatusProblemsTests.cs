using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Http.Problems;

namespace PassBroker.Integration.Tests.Problems;

/// <summary>
/// Bodiless error answers become Problem Details (BadInputTests: 404, 405, 415 over HTTP); a successful answer pays
/// nothing for it, where <c>UseStatusCodePages</c> set a feature on every request.
/// </summary>
public sealed class StatusProblemsTests
{
    [Fact]
    public async Task ASuccessfulAnswer_PassesWithoutAllocating()
    {
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseStatusProblems();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        });
        var pipeline = app.Build();
        await pipeline(new DefaultHttpContext());
        var context = new DefaultHttpContext();

        // The answer completes synchronously, so this thread's count is the whole pass.
        var before = GC.GetAllocatedBytesForCurrentThread();
        await pipeline(context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task ABodilessNotFound_BecomesAProblemWithItsCode()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var app = new ApplicationBuilder(services);
        app.UseStatusProblems();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();

        await app.Build()(context);

        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        Assert.Contains("\"code\":\"route_not_found\"", await new StreamReader(context.Response.Body).ReadToEndAsync(), StringComparison.Ordinal);
    }
}
