using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Workflow;

public sealed class WorkflowBackoffTests
{
    [Theory]
    [InlineData(1, 0.0, 0.5)]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(2, 0.0, 2.5)]
    [InlineData(3, 0.999, 22.485)]
    [InlineData(40, 0.5, 15.0)]
    public void Delay_IsTheStepScaledByTheJitter(int failures, double jitter, double seconds) =>
        Assert.Equal(seconds, WorkflowBackoff.Delay(failures, jitter).TotalSeconds, 3);

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(1, -0.1)]
    public void Delay_OutOfRange_Throws(int failures, double jitter) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => WorkflowBackoff.Delay(failures, jitter));

    [Fact]
    public void ReplaySafeJitter_IsStableAndSpreadsAcrossWorkflows()
    {
        var values = Enumerable.Range(0, 2000).Select(i => WorkflowBackoff.ReplaySafeJitter($"signin-{i:x8}-ABC", 3)).ToList();

        Assert.All(values, v => Assert.InRange(v, 0.0, 0.9999999));
        Assert.Equal(values[7], WorkflowBackoff.ReplaySafeJitter("signin-00000007-ABC", 3));
        Assert.NotEqual(values[7], WorkflowBackoff.ReplaySafeJitter("signin-00000007-ABC", 4));
        // Spread over the band, not bunched: every tenth of it gets a share near 200 of 2,000.
        Assert.All(values.GroupBy(v => (int)(v * 10)), tenth => Assert.InRange(tenth.Count(), 140, 260));
        Assert.Equal(10, values.Select(v => (int)(v * 10)).Distinct().Count());
    }
}
