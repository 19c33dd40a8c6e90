using System.Diagnostics;
using PassBroker.Core.Telemetry;

namespace PassBroker.Core.Tests.Telemetry;

/// <summary>Tags go on the request's span only when something listens to it (an exporter's provider).</summary>
public sealed class ListenedSpanTests
{
    [Fact]
    public void ListenedSpan_OfASourcelessActivity_IsNone()
    {
        // What ASP.NET Core starts per request for log correlation when no listener wants its spans.
        using var correlationOnly = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").Start();

        Assert.Null(PassBrokerTelemetry.ListenedSpan);
    }

    [Fact]
    public void ListenedSpan_OfAListenedSource_IsTheCurrentSpan()
    {
        using var source = new ActivitySource("ListenedSpanTests." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var span = source.StartActivity("request");

        Assert.NotNull(span);
        Assert.Same(span, PassBrokerTelemetry.ListenedSpan);
    }
}
