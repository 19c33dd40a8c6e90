using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Errors;
using PassBroker.Http;
using PassBroker.Http.Binding;
using PassBroker.Http.Decisions;
using PassBroker.Http.Limits;
using PassBroker.Http.OpenApi;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>
/// What the device routes' binders declare (the OpenAPI document follows from the parameters), and the order every
/// handler must take them in, since minimal APIs bind parameters in declaration order: the device (or the limit)
/// first, the body after, the client's address last, as when the handlers read them themselves.
/// </summary>
public sealed class BindingRulesTests
{
    private static readonly ParameterInfo Parameter = typeof(BindingRulesTests).GetMethod(nameof(Handler), BindingFlags.NonPublic | BindingFlags.Static)!.GetParameters()[0];

    public static TheoryData<string> Handlers => [.. HandlerMethods().Select(m => $"{m.DeclaringType!.Name}.{m.Name}")];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Handler_BindsTheDeviceAndLimitsBeforeTheBody_AndTheClientAfterIt(string handler)
    {
        var parameters = HandlerMethods().Single(m => $"{m.DeclaringType!.Name}.{m.Name}" == handler).GetParameters()
            .Select(p => p.ParameterType).ToList();
        int At(Func<Type, bool> match) => parameters.FindIndex(t => match(t));
        var device = At(t => t == typeof(AuthenticatedDevice));
        var signIn = At(t => t == typeof(Admitted<SignInLimit>));
        var registration = At(t => t == typeof(Admitted<RegistrationLimit>));
        var body = At(IsBody);
        var client = At(t => t == typeof(RemoteClient));

        Assert.True(signIn < 0 || (device >= 0 && device < signIn), "a sign-in is counted after its device is authenticated");
        Assert.True(registration < 0 || registration == 0, "a registration is counted before anything else");
        Assert.True(body < 0 || (device < body && signIn < body), "the body is read after the device and the limits");
        Assert.True(client < 0 || (body < client && device < client), "the client's address comes last, as before");
    }

    [Fact]
    public void AuthenticatedDevice_DeclaresTheDeviceTokenAndItsAnswers()
    {
        var metadata = Metadata(AuthenticatedDevice.PopulateMetadata);

        Assert.Equal(new SecuritySchemeMetadata(EndpointDocs.DeviceToken), Assert.Single(metadata.OfType<SecuritySchemeMetadata>()));
        Assert.Equal([ErrorCodes.MissingDeviceToken, ErrorCodes.InvalidDeviceToken], Codes(metadata, 401));
        Assert.Equal([ErrorCodes.StorageUnavailable], Codes(metadata, 503));
    }

    [Fact]
    public void PresentedDeviceToken_DeclaresAnOptionalDeviceToken_RefusedOnlyWhenBad()
    {
        var metadata = Metadata(PresentedDeviceToken.PopulateMetadata);

        Assert.Equal(new SecuritySchemeMetadata(EndpointDocs.DeviceToken, Optional: true), Assert.Single(metadata.OfType<SecuritySchemeMetadata>()));
        Assert.Equal([ErrorCodes.InvalidDeviceToken], Codes(metadata, 401));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JsonRequests_DeclareTheirBodyAndTheAnswersOfReadingIt(bool optional)
    {
        var metadata = Metadata(optional ? OptionalJsonRequest<AuthorizeRequest>.PopulateMetadata : JsonRequest<AuthorizeRequest>.PopulateMetadata);

        var accepts = Assert.Single(metadata.OfType<IAcceptsMetadata>());
        Assert.Equal((typeof(AuthorizeRequest), optional, "application/json"), (accepts.RequestType, accepts.IsOptional, Assert.Single(accepts.ContentTypes)));
        Assert.Equal([ErrorCodes.InvalidJson, ErrorCodes.ValidationFailed], Codes(metadata, 400));
        Assert.Equal([ErrorCodes.PayloadTooLarge], Codes(metadata, 413));
        Assert.Equal([ErrorCodes.UnsupportedMediaType], Codes(metadata, 415));
    }

    [Fact]
    public void Admissions_DeclareTheir429()
    {
        Assert.Equal([ErrorCodes.RateLimited], Codes(Metadata(Admitted<RegistrationLimit>.PopulateMetadata), 429));
        Assert.Equal([ErrorCodes.RateLimited], Codes(Metadata(Admitted<SignInLimit>.PopulateMetadata), 429));
    }

    [Fact]
    public void DeviceApiGroup_ARouteThatTakesNoDeviceToken_FailsWhenTheEndpointsAreBuilt()
    {
        var routes = new EndpointCollector();
        var group = routes.MapGroup(DeviceApi.Prefix).EveryRouteTakesTheDeviceToken();
        group.MapGet("with-device", (AuthenticatedDevice device) => device.Record.DeviceKey);
        group.MapPost("with-token", (PresentedDeviceToken token) => token.Value);
        group.MapGet("without", () => "anyone's");

        var failure = Assert.Throws<InvalidOperationException>(() => routes.DataSources.SelectMany(d => d.Endpoints).ToList());

        Assert.Contains("api/without", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceApiGroup_RoutesThatTakeTheDeviceToken_AreBuiltWithTheirOwnTemplates()
    {
        var routes = new EndpointCollector();
        var group = routes.MapGroup(DeviceApi.Prefix).EveryRouteTakesTheDeviceToken();
        group.MapGroup("").MapGet(DeviceApi.Below(Routes.Profiles), (AuthenticatedDevice device) => device.Record.DeviceKey);

        var endpoint = Assert.IsType<RouteEndpoint>(Assert.Single(routes.DataSources.SelectMany(d => d.Endpoints)));

        Assert.Equal(Routes.Profiles, endpoint.RoutePattern.RawText);
    }

    private static void Handler(object parameter) => GC.KeepAlive(parameter);

    /// <summary>Collects endpoints as a host would, without one (as the Functions app's <c>HttpSurface</c> does).</summary>
    private sealed class EndpointCollector : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider { get; } = new ServiceCollection().BuildServiceProvider();

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);
    }

    private static bool IsBody(Type type) =>
        type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(JsonRequest<>) || type.GetGenericTypeDefinition() == typeof(OptionalJsonRequest<>));

    private static bool IsBinder(Type type) => IsBody(type) || type == typeof(AuthenticatedDevice) || type == typeof(PresentedDeviceToken)
        || type == typeof(RemoteClient) || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Admitted<>));

    private static IEnumerable<MethodInfo> HandlerMethods() => typeof(HttpOptions).Assembly.GetTypes()
        .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
        .Where(m => m.GetParameters().Any(p => IsBinder(p.ParameterType)));

    private static List<object> Metadata(Action<ParameterInfo, EndpointBuilder> populate)
    {
        var endpoint = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/test"), 0);
        populate(Parameter, endpoint);
        return [.. endpoint.Metadata];
    }

    // The codes declared for one status, and that the status is declared as a Problem Details answer.
    private static string[] Codes(List<object> metadata, int status)
    {
        Assert.Contains(metadata.OfType<IProducesResponseTypeMetadata>(), m => m.StatusCode == status && m.Type == typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)
            && m.ContentTypes.SequenceEqual(["application/problem+json"]));
        return [.. metadata.OfType<ProblemCodesMetadata>().Where(m => m.Status == status).SelectMany(m => m.Codes)];
    }
}
