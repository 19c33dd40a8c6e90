using System.Text.Json;
using PassBroker.AdobePass.Contracts;

namespace PassBroker.AdobePass.Tests.Contracts;

public sealed class EpochMillisecondsConverterTests
{
    private static readonly DateTimeOffset Sample = DateTimeOffset.FromUnixTimeMilliseconds(1733735289035);

    [Theory]
    [InlineData("""{"notBefore":"1733735289035"}""")] // sessions: strings
    [InlineData("""{"notBefore":1733735289035}""")]   // profiles: numbers
    public void Read_StringOrNumber_SameInstant(string json) =>
        Assert.Equal(Sample, JsonSerializer.Deserialize<SessionResponse>(json)!.NotBefore);

    [Theory]
    [InlineData("""{"notBefore":null}""")]
    [InlineData("""{"notBefore":""}""")]
    [InlineData("""{}""")]
    public void Read_Absent_IsNull(string json) => Assert.Null(JsonSerializer.Deserialize<SessionResponse>(json)!.NotBefore);

    [Theory]
    [InlineData("""{"notBefore":"soon"}""")]
    [InlineData("""{"notBefore":true}""")]
    [InlineData("""{"notBefore":1.5}""")]
    [InlineData("""{"notBefore":"99999999999999999"}""")]
    public void Read_Garbage_IsJsonException(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SessionResponse>(json));

    [Fact]
    public void Read_ProfileSample_AllFields()
    {
        const string json = """
            {"profiles":{"ExampleCable":{"notBefore":1733735289035,"notAfter":"1733821689035","issuer":"ExampleCable","type":"regular",
            "attributes":{"userID":{"value":"u1","state":"plain"},"zip":{"value":["10001"],"state":"plain"}}}}}
            """;

        var profile = JsonSerializer.Deserialize<ProfilesResponse>(json)!.Profiles!["ExampleCable"];

        Assert.Equal(Sample.AddDays(1), profile.NotAfter);
        Assert.Equal(JsonValueKind.Array, profile.Attributes!["zip"].Value!.Value.ValueKind);
    }
}
