using Microsoft.AspNetCore.Http;
using PassBroker.Core.Errors;
using PassBroker.Core.Upstream;
using PassBroker.Http.Problems;

namespace PassBroker.Integration.Tests.Problems;

public sealed class ProblemMapperTests
{
    private static AdobePassException Rejected(string code, string action, int status = 400) =>
        new(UpstreamFailure.Rejected, status, new UpstreamError { Code = code, Action = action, Status = status, Trace = "trace-1" });

    public static TheoryData<Exception, int, string> Cases => new()
    {
        { new AdobePassException(UpstreamFailure.Throttled, 429, null, TimeSpan.FromSeconds(3)), 503, ErrorCodes.UpstreamThrottled },
        { new AdobePassException(UpstreamFailure.Unavailable, 502, null), 503, ErrorCodes.UpstreamUnavailable },
        { new AdobePassException(UpstreamFailure.TimedOut, null, null), 504, ErrorCodes.UpstreamTimeout },
        { new AdobePassException(UpstreamFailure.Paced, null, null, TimeSpan.FromSeconds(2)), 429, ErrorCodes.RateLimited },
        { Rejected("network_connection_timeout", UpstreamActions.Retry, 403), 503, ErrorCodes.UpstreamUnavailable },
        { Rejected("authenticated_profile_missing", UpstreamActions.Authentication, 403), 403, ErrorCodes.AuthenticationRequired },
        { Rejected("invalid_configuration_platform", UpstreamActions.Configuration, 500), 502, ErrorCodes.UpstreamMisconfigured },
        { Rejected("invalid_parameter_mvpd", UpstreamActions.None), 400, ErrorCodes.UnknownMvpd },
        { Rejected("invalid_parameter_service_provider", UpstreamActions.None), 502, ErrorCodes.UpstreamRejected },
        { Rejected("invalid_client", UpstreamActions.ApplicationRegistration), 502, ErrorCodes.UpstreamRejected },
        { new StoreUnavailableException("down"), 503, ErrorCodes.StorageUnavailable },
        { new ConcurrencyConflictException("stale"), 409, ErrorCodes.ConcurrencyConflict },
        { new BadHttpRequestException("too big", StatusCodes.Status413PayloadTooLarge), 413, ErrorCodes.PayloadTooLarge },
        { new BadHttpRequestException("bad"), 400, ErrorCodes.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_KnownFailure_HasStableStatusAndCode(Exception exception, int status, string code)
    {
        var problem = ProblemMapper.Map(exception);

        Assert.Equal((status, code), (problem!.Status, problem.Code));
    }

    [Fact]
    public void Map_UpstreamError_CarriesAdobesCodeAndTrace()
    {
        var problem = ProblemMapper.Map(Rejected("invalid_parameter_mvpd", UpstreamActions.None))!;

        Assert.Equal("invalid_parameter_mvpd", problem.Extensions["upstreamCode"]);
        Assert.Equal("trace-1", problem.Extensions["upstreamTrace"]);
    }

    [Fact]
    public void Map_Throttled_RetryAfterRoundsUp()
    {
        var problem = ProblemMapper.Map(new AdobePassException(UpstreamFailure.Throttled, 429, null, TimeSpan.FromMilliseconds(1500)))!;

        Assert.Equal(2, problem.RetryAfterSeconds);
    }

    [Fact]
    public void Map_UnknownException_IsNull() => Assert.Null(ProblemMapper.Map(new InvalidOperationException()));

    [Theory]
    [InlineData(UpstreamFailure.Paced, 1.2, 2)]
    [InlineData(UpstreamFailure.Paced, null, 1)]
    [InlineData(UpstreamFailure.Unavailable, 12.0, 12)]
    [InlineData(UpstreamFailure.Unavailable, null, 5)]
    [InlineData(UpstreamFailure.TimedOut, null, 5)]
    public void Map_WaitWorthyFailure_CarriesRetryAfterInWholeSecondsRoundedUp(UpstreamFailure failure, double? waitSeconds, int retryAfter)
    {
        var wait = waitSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        var problem = ProblemMapper.Map(new AdobePassException(failure, null, null, wait));

        Assert.Equal(retryAfter, problem!.RetryAfterSeconds);
    }
}
