using System.Diagnostics.Metrics;
using PassBroker.Core.Telemetry;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>A <see cref="PassBrokerMetrics"/> for services built by hand in unit tests (no host, no DI).</summary>
public static class TestMetrics
{
    public static PassBrokerMetrics Create() => new(new MeterFactory());

    private sealed class MeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }
}
