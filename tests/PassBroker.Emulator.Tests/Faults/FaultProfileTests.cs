using PassBroker.Emulator.Faults;

namespace PassBroker.Emulator.Tests.Faults;

public sealed class FaultProfileTests
{
    [Fact]
    public void TryParse_EveryPart_IsRead()
    {
        Assert.True(FaultProfile.TryParse("status=502; latency=1.5s; timeout; reset; html429; rate=0.1; seed=7; retry-after=2; count=3", out var profile, out _));

        Assert.Equal([FaultKind.Status, FaultKind.Latency, FaultKind.Timeout, FaultKind.Reset, FaultKind.Html429], profile.Kinds);
        Assert.Equal((0.1, 502, TimeSpan.FromMilliseconds(1500), 2, 7, 3), (profile.Rate, profile.Status, profile.Latency, profile.RetryAfterSeconds, profile.Seed, profile.Count));
    }

    [Fact]
    public void TryParse_Defaults_Are503AtEveryRequest()
    {
        Assert.True(FaultProfile.TryParse("STATUS;latency=200ms", out var profile, out _));

        Assert.Equal((1.0, 503, TimeSpan.FromMilliseconds(200)), (profile.Rate, profile.Status, profile.Latency));
    }

    [Theory]
    [InlineData("")]
    [InlineData("rate=0.5")]
    [InlineData("status=200")]
    [InlineData("status=503;rate=2")]
    [InlineData("latency=fast")]
    [InlineData("explode")]
    [InlineData("reset;count=0")]
    public void TryParse_Nonsense_IsRefusedWithAReason(string text)
    {
        Assert.False(FaultProfile.TryParse(text, out _, out var error));
        Assert.Contains(FaultProfile.HeaderName, error, StringComparison.Ordinal);
    }
}
