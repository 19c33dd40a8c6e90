using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow;

namespace PassBroker.Core.Tests.Sessions;

/// <summary>The sign-in funnel's metric points, per MVPD: one per poll, one per ending, and none twice.</summary>
public sealed class SignInMetricsTests
{
    private const string Code = "MET1111";
    private const string Mvpd = "ExampleCable";
    private readonly SignInTestContext _context = new();
    private readonly SignInPollInput _input;

    public SignInMetricsTests()
    {
        _input = new SignInPollInput(_context.Device.DeviceKey, Code, DateTimeOffset.MaxValue, TimeSpan.FromSeconds(15));
        _context.AddPendingSession(Code, Mvpd);
    }

    private void UpstreamAnswers(params Profile[] profiles) =>
        _context.AdobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), Mvpd, It.IsAny<CancellationToken>())).ReturnsAsync(profiles);

    [Fact]
    public async Task Polls_UntilTheProfileArrives_CountEachPollAndOneCompletedSignIn()
    {
        using var polls = _context.Meters.Collect<long>("passbroker.signin.polls");
        using var completed = _context.Meters.Collect<long>("passbroker.signin.completed");
        using var duration = _context.Meters.Collect<double>("passbroker.signin.duration");

        UpstreamAnswers();
        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);
        _context.Time.Advance(TimeSpan.FromSeconds(15));
        UpstreamAnswers(SignInTestContext.Profile(Mvpd, _context.Time.GetUtcNow().AddDays(1)));
        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);
        // The workflow may run once more before it sees the final status: that is no poll and no second completion.
        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal(["pending", "authenticated"], polls.GetMeasurementSnapshot().Select(p => (string?)p.Tags["passbroker.signin.status"]));
        Assert.All(polls.GetMeasurementSnapshot(), p => Assert.Equal(Mvpd, (string?)p.Tags["passbroker.mvpd"]));
        var point = Assert.Single(completed.GetMeasurementSnapshot());
        Assert.Equal(Mvpd, (string?)point.Tags["passbroker.mvpd"]);
        Assert.Equal(15, Assert.Single(duration.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public async Task TransientFailure_IsAPendingPollWithoutAnEnding()
    {
        using var polls = _context.Meters.Collect<long>("passbroker.signin.polls");
        using var failed = _context.Meters.Collect<long>("passbroker.signin.failed");
        _context.AdobePass.Setup(a => a.GetProfilesForMvpdAsync(It.IsAny<DeviceContext>(), Mvpd, It.IsAny<CancellationToken>()))
            .ThrowsAsync(new AdobePassException(UpstreamFailure.Throttled, 429, null));

        await _context.CheckActivity().RunAsync(_input, CancellationToken.None);

        Assert.Equal("pending", (string?)Assert.Single(polls.GetMeasurementSnapshot()).Tags["passbroker.signin.status"]);
        Assert.Empty(failed.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task CodeRunsOut_CountsOneExpiredSignInWithItsReason()
    {
        using var expired = _context.Meters.Collect<long>("passbroker.signin.expired");

        await _context.ExpireActivity().RunAsync(_input, CancellationToken.None);
        await _context.ExpireActivity().RunAsync(_input, CancellationToken.None);

        var point = Assert.Single(expired.GetMeasurementSnapshot());
        Assert.Equal((Mvpd, SessionEndReasons.CodeExpired), ((string?)point.Tags["passbroker.mvpd"], (string?)point.Tags["passbroker.reason"]));
    }
}
