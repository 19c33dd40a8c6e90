using System.Reflection;
using System.Text.Json;
using PassBroker.AdobePass.Contracts;
using PassBroker.AdobePass.Dcr;
using PassBroker.AdobePass.Management;
using PassBroker.AdobePass.V2;
using Refit;

namespace PassBroker.AdobePass.Tests.Contracts;

/// <summary>Every JSON body of the Refit clients has source-generated metadata, and the clients' options use it.</summary>
public sealed class AdobePassJsonTests
{
    private static readonly Type[] Clients = [typeof(IRestApiV2), typeof(IDcrApi), typeof(ITempPassResetApi)];

    [Fact]
    public void EveryJsonBodyOfTheClients_HasSourceGeneratedMetadata()
    {
        // Arrange: the results (Task<T>) and the JSON [Body] parameters; form bodies and raw responses are not JSON.
        var methods = Clients.SelectMany(c => c.GetMethods()).ToList();
        var results = methods.Select(m => m.ReturnType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>))
            .Select(t => t.GetGenericArguments()[0])
            .Where(t => t != typeof(HttpResponseMessage));
        var bodies = methods.SelectMany(m => m.GetParameters())
            .Where(p => p.GetCustomAttribute<BodyAttribute>() is { SerializationMethod: not BodySerializationMethod.UrlEncoded })
            .Select(p => p.ParameterType);
        var types = results.Concat(bodies).Append(typeof(ErrorInformation)).Distinct().ToList();

        // Act
        var missing = types.Where(t => AdobePassJsonContext.Default.GetTypeInfo(t) is null).Select(t => t.Name).ToList();

        // Assert
        Assert.True(types.Count >= 9, $"Only {types.Count} body types found: the scan is broken.");
        Assert.True(missing.Count == 0, "Add [JsonSerializable] to AdobePassJsonContext for " + string.Join(", ", missing));
    }

    [Fact]
    public void Contracts_HaveNoInitOnlyProperties()
    {
        // See AdobePassJsonContext: an init-only property sends the generated reader down its slower constructor path.
        var initOnly = typeof(AdobePassJsonContext).Assembly.GetTypes()
            // Positional records (the request bodies, only ever written) are built through their constructor anyway.
            .Where(t => t.Namespace == typeof(AdobePassJsonContext).Namespace && t.GetConstructor(Type.EmptyTypes) is not null)
            .SelectMany(t => t.GetProperties())
            .Where(p => p.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)) == true)
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();

        Assert.True(initOnly.Count == 0, "Use { get; set; } on " + string.Join(", ", initOnly));
    }

    [Fact]
    public void ClientOptions_ResolveContractsFromTheContext_AndOtherTypesByReflection()
    {
        Assert.Same(AdobePassJsonContext.Default, AdobePassJson.Options.GetTypeInfo(typeof(DecisionsResponse)).OriginatingResolver);
        Assert.NotSame(AdobePassJsonContext.Default, AdobePassJson.Options.GetTypeInfo(typeof(Dictionary<string, Version>)).OriginatingResolver);
    }

    [Fact]
    public void ClientOptions_WriteTheContractNamesAndLeaveNullsOut()
    {
        // An unset redirect_uri is left out rather than sent as null, as before the context existed.
        var json = JsonSerializer.Serialize(new ClientRegistrationRequest("statement", null), AdobePassJson.Options);

        Assert.Equal("""{"software_statement":"statement"}""", json);
    }
}
