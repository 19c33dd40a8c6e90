using System.Net;
using System.Net.Http.Headers;
using PassBroker.AdobePass.Errors;
using PassBroker.Core.Upstream;

namespace PassBroker.AdobePass.Tests.Errors;

public sealed class UpstreamErrorTranslatorTests
{
    [Fact]
    public void FromResponse_EnhancedError_KeepsEveryField()
    {
        const string body = """{"action":"none","status":400,"code":"invalid_authentication_session","message":"The session is invalid.","details":"d","helpUrl":"https://h","trace":"t-1"}""";

        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.BadRequest, body, null);

        Assert.Equal(UpstreamFailure.Rejected, error.Failure);
        Assert.Equal(new UpstreamError
        {
            Code = "invalid_authentication_session", Action = "none", Status = 400, Message = "The session is invalid.",
            Details = "d", HelpUrl = "https://h", Trace = "t-1",
        }, error.Error);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void FromResponse_DcrOAuthError_IsApplicationRegistration()
    {
        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.BadRequest, """{"error":"invalid_client"}""", null);

        Assert.Equal(("invalid_client", UpstreamActions.ApplicationRegistration), (error.Code, error.Error!.Action));
    }

    [Fact]
    public void FromResponse_Html429WithoutRetryAfter_IsThrottledForOneSecond()
    {
        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.TooManyRequests, "<html><body>429 Too Many Requests</body></html>", null);

        Assert.Equal((UpstreamFailure.Throttled, TimeSpan.FromSeconds(1)), (error.Failure, error.RetryAfter));
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void FromResponse_429WithRetryAfter_HonoursIt()
    {
        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.TooManyRequests, "", new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), error.RetryAfter);
    }

    [Fact]
    public void FromResponse_RetryActionItemError_IsTransient()
    {
        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.Forbidden, """{"action":"retry","status":403,"code":"network_connection_timeout"}""", null);

        Assert.True(error.IsTransient);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "")]
    public void FromResponse_5xxWithoutErrorObject_IsUnavailable(HttpStatusCode status, string body) =>
        Assert.Equal(UpstreamFailure.Unavailable, UpstreamErrorTranslator.FromResponse(status, body, null).Failure);

    [Fact]
    public void FromResponse_MessageAsObject_IsKeptAsText()
    {
        var error = UpstreamErrorTranslator.FromResponse(HttpStatusCode.BadRequest, """{"code":"x","message":{"text":"m"}}""", null);

        Assert.Equal("""{"text":"m"}""", error.Error!.Message);
    }

    [Fact]
    public async Task CallAsync_ConnectionRefused_IsUnavailable()
    {
        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            UpstreamErrorTranslator.CallAsync<int>(() => throw new HttpRequestException("refused")));

        Assert.Equal(UpstreamFailure.Unavailable, error.Failure);
    }

    [Fact]
    public async Task CallAsync_Timeout_IsUnavailable()
    {
        var error = await Assert.ThrowsAsync<AdobePassException>(() =>
            UpstreamErrorTranslator.CallAsync<int>(() => throw new TaskCanceledException("timeout", new TimeoutException())));

        Assert.Equal(UpstreamFailure.Unavailable, error.Failure);
    }
}
