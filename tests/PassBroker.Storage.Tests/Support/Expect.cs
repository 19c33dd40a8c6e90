using System.Text.Json;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;

namespace PassBroker.Storage.Tests.Support;

/// <summary>Equality for the records whose JSON parts (<see cref="JsonElement"/>, dictionaries) compare by reference.</summary>
internal static class Expect
{
    public static void SameProfile(Profile expected, Profile? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Attributes = null! }, actual with { Attributes = null! });
        Assert.Equal(expected.Attributes.Keys.Order(), actual.Attributes.Keys.Order());
        foreach (var (name, attribute) in expected.Attributes)
        {
            Assert.Equal(attribute.State, actual.Attributes[name].State);
            Assert.True(JsonElement.DeepEquals(attribute.Value, actual.Attributes[name].Value), $"attribute {name} differs");
        }
    }

    public static void SameSession(AuthenticationSession expected, AuthenticationSession? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Profile = null }, actual with { Profile = null });
        if (expected.Profile is null)
        {
            Assert.Null(actual.Profile);
        }
        else
        {
            SameProfile(expected.Profile, actual.Profile);
        }
    }
}
