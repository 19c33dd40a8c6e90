using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PassBroker.Core.Brands;
using PassBroker.Core.Telemetry;

namespace PassBroker.TestHelpers.Fakes;

/// <summary>
/// A <see cref="PassBrokerMetrics"/> for services built by hand in unit tests (no host, no DI), whose measurements a
/// test can collect: the meter factory is this object, so a collector sees this instance's meter only.
/// </summary>
public sealed class TestMetrics : IMeterFactory
{
    /// <param name="brands">The deployment's brands, for the <c>passbroker.brand</c> tag; null: the default brand only.</param>
    public TestMetrics(BrandCatalog? brands = null) => Metrics = new PassBrokerMetrics(this, new BrandTags(brands));

    public PassBrokerMetrics Metrics { get; }

    public static PassBrokerMetrics Create() => new TestMetrics().Metrics;

    /// <summary>Collects what this instance's <paramref name="instrument"/> records from now on.</summary>
    /// <param name="instrument">The instrument's name, e.g. <c>passbroker.signin.completed</c>.</param>
    public MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(this, PassBrokerTelemetry.Name, instrument);

    public Meter Create(MeterOptions options)
    {
        options.Scope = this;
        return new Meter(options);
    }

    public void Dispose()
    {
    }
}
