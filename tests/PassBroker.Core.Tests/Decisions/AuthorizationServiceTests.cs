using Moq;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions;

public sealed class AuthorizationServiceTests
{
    private readonly DecisionTestContext _context = new();

    private Task<Decision> AuthorizeAsync(string resource, string? mvpd = null, params IAuthorizationRule[] rules) =>
        _context.Authorization(rules).AuthorizeAsync(_context.Device, TestDevices.Client, mvpd, resource, CancellationToken.None);

    [Fact]
    public async Task AuthorizeAsync_Permit_CarriesTheMediaTokenOfThisCall()
    {
        var decision = await AuthorizeAsync("show-1");

        Assert.True(decision.Authorized);
        Assert.Equal("token-1", decision.Token!.SerializedToken);
        Assert.Equal(DecisionTestContext.Mvpd, decision.Mvpd);
    }

    [Fact]
    public async Task AuthorizeAsync_EveryPlay_AsksAdobeAgainEvenWithACachedPermit()
    {
        await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None);

        var first = await AuthorizeAsync("show-1");
        var second = await AuthorizeAsync("show-1");

        Assert.Equal(2, _context.AuthorizeCalls);
        Assert.NotEqual(first.Token!.SerializedToken, second.Token!.SerializedToken);
    }

    [Fact]
    public async Task AuthorizeAsync_Deny_IsAnAnswerWithTheUpstreamReasonUnchanged()
    {
        var decision = await AuthorizeAsync("deny-1");

        Assert.False(decision.Authorized);
        Assert.Null(decision.Token);
        Assert.Equal(("authorization_denied_by_mvpd", "Not in your package.", "Upgrade to Premium"),
            (decision.Error!.Code, decision.Error.Message, decision.Error.Details));
    }

    [Fact]
    public async Task AuthorizeAsync_RetryOnce_RetriedAndPermitted()
    {
        var decision = await AuthorizeAsync("flaky-1");

        Assert.True(decision.Authorized);
        Assert.Equal(2, _context.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_AlwaysRetry_GivesUpAfterTheRetryLimitAsUnavailable()
    {
        var error = await Assert.ThrowsAsync<AdobePassException>(() => AuthorizeAsync("retry-1"));

        Assert.Equal(UpstreamActions.Retry, error.Error!.Action);
        Assert.Equal(1 + _context.Options.MaxRetries, _context.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_AdobeSaysAuthenticate_ThrowsAndForgetsTheCachedProfilesAndPermits()
    {
        await _context.Preauthorization().PreauthorizeAsync(_context.Device, TestDevices.Client, null, ["show-1"], CancellationToken.None);

        var error = await Assert.ThrowsAsync<AdobePassException>(() => AuthorizeAsync("auth-1"));

        Assert.Equal(UpstreamActions.Authentication, error.Error!.Action);
        Assert.Null(await _context.Profiles.FindAsync(_context.Device.DeviceKey, CancellationToken.None));
        Assert.Empty(await _context.Decisions.FindPermitsAsync(_context.Device.DeviceKey, DecisionTestContext.Mvpd, ["show-1"], CancellationToken.None));
    }

    [Fact]
    public async Task AuthorizeAsync_SeveralProfiles_UsesTheOneValidLongest()
    {
        var profiles = new CachedProfiles(
            [_context.Profile("ShortLived", TimeSpan.FromHours(1)), _context.Profile("LongLived", TimeSpan.FromDays(30)), _context.Profile("Medium", TimeSpan.FromDays(2))],
            DateTimeOffset.MaxValue);
        await _context.Profiles.SetAsync(_context.Device.DeviceKey, profiles, CancellationToken.None);

        var decision = await AuthorizeAsync("show-1");

        Assert.Equal("LongLived", decision.Mvpd);
    }

    [Fact]
    public async Task AuthorizeAsync_NamedMvpd_AsksThatMvpd()
    {
        var decision = await AuthorizeAsync("show-1", "ExampleSat");

        Assert.Equal("ExampleSat", decision.Mvpd);
        _context.AdobePass.Verify(a => a.AuthorizeAsync(It.IsAny<DeviceContext>(), "ExampleSat", "show-1", It.IsAny<CancellationToken>()));
    }

    [Theory]
    [InlineData("show-1", "bad mvpd", "mvpd")]
    [InlineData("show-1", "", "mvpd")]
    [InlineData("", null, "resource")]
    [InlineData("bad\u0000resource", null, "resource")]
    public async Task AuthorizeAsync_BadInput_IsValidationErrorWithoutUpstreamCall(string resource, string? mvpd, string field)
    {
        var error = await Assert.ThrowsAsync<PassBrokerException>(() => AuthorizeAsync(resource, mvpd));

        Assert.Equal((400, field), (error.Status, error.Extensions["field"]));
        Assert.Equal(0, _context.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_RuleDeniesBefore_StopsThereWithoutAskingAdobeOrLaterRules()
    {
        var later = new RecordingRule("later");

        var decision = await AuthorizeAsync("show-1", null, new RecordingRule("denier", denyBefore: true), later);

        Assert.Equal(("rule", "denied_by_denier"), (decision.Source, decision.Error!.Code));
        Assert.Equal(0, _context.AuthorizeCalls);
        Assert.Empty(later.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_Rules_RunInOrderBeforeAndAfterAndMayTurnAPermitIntoADeny()
    {
        var (first, second) = (new RecordingRule("first"), new RecordingRule("second", denyAfter: true));

        var decision = await AuthorizeAsync("show-1", null, first, second);

        Assert.Equal(["before", "after", "completed: deny"], first.Calls);
        Assert.Equal(["before", "after", "completed: deny"], second.Calls);
        Assert.False(decision.Authorized);
        Assert.Equal("denied_by_second", decision.Error!.Code);
        Assert.Equal(1, _context.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_RuleDeniesBefore_CompletesOnlyTheRulesThatLetItGoOn()
    {
        var (first, denier, later) = (new RecordingRule("first"), new RecordingRule("denier", denyBefore: true), new RecordingRule("later"));

        await AuthorizeAsync("show-1", null, first, denier, later);

        Assert.Equal(["before", "completed: deny"], first.Calls);
        Assert.Equal(["before"], denier.Calls);
        Assert.Empty(later.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_UpstreamFails_CompletesEveryRuleWithoutADecision()
    {
        var rule = new RecordingRule("first");

        await Assert.ThrowsAsync<AdobePassException>(() => AuthorizeAsync("retry-show", null, rule));

        Assert.Equal(["before", "completed: failed"], rule.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_Permit_CompletesEveryRuleWithThePermit()
    {
        var rule = new RecordingRule("first");

        await AuthorizeAsync("show-1", null, rule);

        Assert.Equal(["before", "after", "completed: permit"], rule.Calls);
    }

    [Fact]
    public async Task AuthorizeAsync_TempPassLimit_IsADenyWithItsCodeNotAnAuthenticationProblem()
    {
        _context.AdobePass.Setup(a => a.AuthorizeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Decision
            {
                Resource = "show-1", Mvpd = "TempPass_REF30", Authorized = false, Source = "temppass",
                Error = new UpstreamError { Code = "temporary_access_duration_limit_exceeded", Action = UpstreamActions.Authentication, Status = 403 },
            });

        var decision = await AuthorizeAsync("show-1", "TempPass_REF30");

        Assert.Equal(("temporary_access_duration_limit_exceeded", "temppass"), (decision.Error!.Code, decision.Source));
        Assert.NotNull(await _context.Profiles.FindAsync(_context.Device.DeviceKey, CancellationToken.None));
    }

    [Fact]
    public async Task AuthorizeAsync_PromotionalTempPass_CarriesTheDevicesIdentityAndNoOtherCallDoes()
    {
        var device = _context.Device with { TempPassIdentity = "hash-1" };
        var authorization = _context.Authorization();

        await authorization.AuthorizeAsync(device, TestDevices.Client, "TempPassPromo_REF30", "show-1", CancellationToken.None);
        await authorization.AuthorizeAsync(device, TestDevices.Client, "ExampleCable", "show-2", CancellationToken.None);

        _context.AdobePass.Verify(a => a.AuthorizeAsync(It.Is<DeviceContext>(d => d.TempPassIdentity == new TempPassIdentity("email", "hash-1")), "TempPassPromo_REF30", "show-1", It.IsAny<CancellationToken>()));
        _context.AdobePass.Verify(a => a.AuthorizeAsync(It.Is<DeviceContext>(d => d.TempPassIdentity == null), "ExampleCable", "show-2", It.IsAny<CancellationToken>()));
    }

    /// <summary>A rule that records what it was asked and denies where told to.</summary>
    private sealed class RecordingRule(string name, bool denyBefore = false, bool denyAfter = false) : IAuthorizationRule
    {
        public List<string> Calls { get; } = [];

        public string Name => name;

        public ValueTask<Decision?> BeforeUpstreamAsync(AuthorizationRequest request, CancellationToken cancellationToken)
        {
            Calls.Add("before");
            return ValueTask.FromResult(denyBefore ? RuleDenials.Deny(request, "denied_by_" + name, "No.") : null);
        }

        public ValueTask<Decision> AfterUpstreamAsync(AuthorizationRequest request, Decision decision, CancellationToken cancellationToken)
        {
            Calls.Add("after");
            return ValueTask.FromResult(denyAfter ? RuleDenials.Deny(request, "denied_by_" + name, "No.") : decision);
        }

        public ValueTask CompletedAsync(AuthorizationRequest request, Decision? final, CancellationToken cancellationToken)
        {
            Calls.Add("completed: " + (final is null ? "failed" : final.Authorized ? "permit" : "deny"));
            return ValueTask.CompletedTask;
        }
    }
}
