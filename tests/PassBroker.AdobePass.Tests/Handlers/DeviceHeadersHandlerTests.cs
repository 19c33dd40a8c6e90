using System.Net;
using PassBroker.AdobePass.Handlers;
using PassBroker.AdobePass.Headers;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.AdobePass.Tests.Handlers;

public sealed class DeviceHeadersHandlerTests
{
    [Fact]
    public async Task SameRequestSentAgain_ByARetry_CarriesEachHeaderOnce()
    {
        var seen = new List<string[]>();
        using var invoker = new HttpMessageInvoker(new DeviceHeadersHandler { InnerHandler = new Recorder(seen) });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://adobe.test/api/v2/REF30/profiles");
        request.Options.Set(UpstreamCall.OptionsKey, new UpstreamCall(TestDevices.Record().ToContext(TestDevices.Client), UpstreamHeaders.Device));

        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();
        (await invoker.SendAsync(request, CancellationToken.None)).Dispose();

        Assert.All(seen, values => Assert.Equal(["198.51.100.23"], values));
    }

    private sealed class Recorder(List<string[]> seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.GetValues(AdobeHeaders.ForwardedFor).ToArray());
            Assert.Single(request.Headers.GetValues(AdobeHeaders.DeviceInfo));
            Assert.Single(request.Headers.GetValues(AdobeHeaders.DeviceIdentifier));
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
