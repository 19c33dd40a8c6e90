using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Telemetry;
using PassBroker.Http;
using PassBroker.Http.Binding;
using PassBroker.Http.Decisions;
using PassBroker.Http.Telemetry;
using PassBroker.Http.TempPass;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// Each binder of a device route on its own (no host): the value it binds, and for every way the request can be wrong
/// the Problem Details it throws, which the shared exception handler answers as it is (as before, when the handlers
/// read the same things themselves). Their order on the routes: <c>BindingOrderEndToEndTests</c>, <c>BindingRulesTests</c>.
/// </summary>
public sealed class BindingTests
{
    private const int RequestLimit = 1024;
    private const int ResourcesLimit = 4096;
    private static readonly ParameterInfo Parameter = typeof(BindingTests).GetMethod(nameof(Handler), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];
    private readonly InMemoryDeviceStore _devices = new();

    [Fact]
    public async Task AuthenticatedDevice_WithoutAuthorization_IsMissingDeviceToken() =>
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() => AuthenticatedDevice.BindAsync(Request(), Parameter).AsTask()),
            401, ErrorCodes.MissingDeviceToken);

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    public async Task AuthenticatedDevice_WithAnythingButADeviceToken_IsInvalidDeviceToken(string authorization) =>
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() => AuthenticatedDevice.BindAsync(Request(authorization: authorization), Parameter).AsTask()),
            401, ErrorCodes.InvalidDeviceToken);

    [Fact]
    public async Task AuthenticatedDevice_WithItsToken_IsTheDevice_NamedInTheLogScope()
    {
        var record = TestDevices.Record("bound-tv");
        var (token, hash) = DeviceTokens.Issue(record.DeviceKey);
        await _devices.AddAsync(record with { DeviceTokenHash = hash }, CancellationToken.None);
        var context = Request(authorization: "Bearer " + token);
        using var scope = RequestLogScope.Begin(context, NullLogger.Instance);

        var device = await AuthenticatedDevice.BindAsync(context, Parameter);

        Assert.Equal(record.DeviceKey, device!.Record.DeviceKey);
        Assert.Equal(record.DeviceKey, context.Features.Get<RequestLogScope>()!.DeviceKey);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Bearer abc", "abc")]
    [InlineData("Basic dXNlcjpwYXNz", "")]
    public async Task PresentedDeviceToken_IsTheBearerToken_NullWithoutOne_EmptyForAnotherScheme(string? authorization, string? expected) =>
        Assert.Equal(expected, (await PresentedDeviceToken.BindAsync(Request(authorization: authorization), Parameter))!.Value);

    [Fact]
    public async Task JsonRequest_ReadsTheBody() =>
        Assert.Equal(new StartTempPassRequest("basic", null),
            (await JsonRequest<StartTempPassRequest>.BindAsync(Request("""{"kind":"basic"}"""), Parameter))!.Value);

    [Theory]
    [InlineData("", "application/json", 400, ErrorCodes.InvalidJson)]
    [InlineData("{", "application/json", 400, ErrorCodes.InvalidJson)]
    [InlineData("null", "application/json", 400, ErrorCodes.InvalidJson)]
    [InlineData("""{"kind":"basic"}""", "text/plain", 415, ErrorCodes.UnsupportedMediaType)]
    [InlineData("""{"kind":"basic"}""", null, 415, ErrorCodes.UnsupportedMediaType)]
    public async Task JsonRequest_BadBody_IsItsProblem(string body, string? contentType, int status, string code) =>
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() =>
            JsonRequest<StartTempPassRequest>.BindAsync(Request(body, contentType), Parameter).AsTask()), status, code);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task JsonRequest_OverTheRequestLimit_IsPayloadTooLarge_DeclaredLengthOrNot(bool declared) =>
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() =>
            JsonRequest<StartTempPassRequest>.BindAsync(Request(Padded(RequestLimit + 1), declareLength: declared), Parameter).AsTask()),
            413, ErrorCodes.PayloadTooLarge);

    [Fact]
    public async Task JsonRequest_OfAResourcesBody_TakesUpToTheResourcesLimit()
    {
        var underResources = Padded(ResourcesLimit);

        var read = await JsonRequest<AuthorizeRequest>.BindAsync(Request(underResources), Parameter);

        Assert.Equal("show-1", read!.Value.Resource);
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() =>
            JsonRequest<AuthorizeRequest>.BindAsync(Request(Padded(ResourcesLimit + 1)), Parameter).AsTask()), 413, ErrorCodes.PayloadTooLarge);
    }

    [Fact]
    public async Task JsonRequest_ReadsABodyThatArrivesInSeveralSegments()
    {
        var context = Request("{}");
        // Three buffers, cut inside a string and inside a name: the reader must see them as one document.
        context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(PipeReader.Create(Segments("""{"kind":"ba""", """sic","em""", """ail":null}"""))));

        var read = await JsonRequest<StartTempPassRequest>.BindAsync(context, Parameter);

        Assert.Equal(new StartTempPassRequest("basic", null), read!.Value);
    }

    [Fact]
    public async Task JsonRequest_TrailingContentAfterTheDocument_IsInvalidJson() =>
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() =>
            JsonRequest<StartTempPassRequest>.BindAsync(Request("""{"kind":"basic"} {}"""), Parameter).AsTask()), 400, ErrorCodes.InvalidJson);

    [Fact]
    public async Task JsonRequest_ReadsASmallBodyWithoutAPerRequestBuffer()
    {
        // The server's pipe reads into pooled memory; a pipe over the bytes stands for it, and the services are the
        // app's (built once), so only the binder's own allocations are counted. Warm first: JIT, the serializer's metadata.
        var services = Request().RequestServices;
        DefaultHttpContext Buffered()
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream("""{"resource":"show-1"}"""u8.ToArray());
            context.Features.Set<IRequestBodyPipeFeature>(new BodyPipe(PipeReader.Create(Segments("""{"resource":"show-1"}"""))));
            return context;
        }
        for (var i = 0; i < 20; i++)
        {
            await JsonRequest<AuthorizeRequest>.BindAsync(Buffered(), Parameter);
        }
        var context = Buffered();

        // The binder completes synchronously on a buffered body, so this thread's count is the whole read.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var read = await JsonRequest<AuthorizeRequest>.BindAsync(context, Parameter);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal("show-1", read!.Value.Resource);
        // The body, its string and the binder's result, not a 4 KB copy buffer and a MemoryStream (5,040 bytes before).
        Assert.True(allocated < 1024, $"Reading a 21-byte body allocated {allocated} bytes.");
    }

    [Fact]
    public async Task OptionalJsonRequest_WithoutABody_IsNull_WithOne_IsReadAsJsonRequestReadsIt()
    {
        var absent = await OptionalJsonRequest<StartTempPassRequest>.BindAsync(Request(body: null, contentType: null), Parameter);
        var present = await OptionalJsonRequest<StartTempPassRequest>.BindAsync(Request("""{"kind":"basic"}"""), Parameter);

        Assert.Null(absent!.Value);
        Assert.Equal("basic", present!.Value!.Kind);
        AssertProblem(await Assert.ThrowsAsync<PassBrokerException>(() =>
            OptionalJsonRequest<StartTempPassRequest>.BindAsync(Request("{"), Parameter).AsTask()), 400, ErrorCodes.InvalidJson);
    }

    [Fact]
    public async Task RemoteClient_IsTheConnectionsAddressAndPort_Ipv4MappedAsIpv4()
    {
        var context = Request();
        context.Connection.RemoteIpAddress = IPAddress.Parse("::ffff:198.51.100.23");
        context.Connection.RemotePort = 51734;

        var client = await RemoteClient.BindAsync(context, Parameter);

        Assert.Equal(new ClientEndpoint("198.51.100.23", 51734), client!.Endpoint);
    }

    private static void Handler(object parameter) => GC.KeepAlive(parameter);

    // A body of exactly `size` bytes: an authorize request padded with spaces, which JSON ignores.
    private static string Padded(int size)
    {
        const string Body = """{"resource":"show-1","mvpd":"ExampleCable"}""";
        return Body + new string(' ', size - Body.Length);
    }

    private static ReadOnlySequence<byte> Segments(params string[] parts)
    {
        var first = new Segment(Encoding.UTF8.GetBytes(parts[0]));
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(Encoding.UTF8.GetBytes(part));
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private static void AssertProblem(PassBrokerException problem, int status, string code)
    {
        Assert.Equal(status, problem.Status);
        Assert.Equal(code, problem.Code);
    }

    private DefaultHttpContext Request(string? body = null, string? contentType = "application/json", string? authorization = null, bool declareLength = true)
    {
        var services = new ServiceCollection();
        services.AddOptions<HttpOptions>().Configure(o => (o.MaxRequestBodyBytes, o.MaxResourcesBodyBytes) = (RequestLimit, ResourcesLimit));
        services.AddOptions<InstanceCacheOptions>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IDeviceStore>(_devices);
        services.AddSingleton<DeviceRecordCopies>();
        services.AddTransient<DeviceAuthenticator>();
        services.AddSingleton(new BrandTags());
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        if (body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Request.Body = new MemoryStream(bytes);
            context.Request.ContentLength = declareLength ? bytes.Length : null;
            context.Request.ContentType = contentType;
        }
        return context;
    }

    private sealed class BodyPipe(PipeReader reader) : IRequestBodyPipeFeature
    {
        public PipeReader Reader { get; } = reader;
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory) => Memory = memory;

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory) { RunningIndex = RunningIndex + Memory.Length };
            Next = next;
            return next;
        }
    }
}
