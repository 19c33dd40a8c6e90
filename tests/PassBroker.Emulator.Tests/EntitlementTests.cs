using PassBroker.Emulator.Decisions;

namespace PassBroker.Emulator.Tests;

public sealed class EntitlementTests
{
    [Theory]
    [InlineData("permit", "Permit", 0)]
    [InlineData("DENY", "Deny", 0)]
    [InlineData(" parental ", "ParentalControls", 0)]
    [InlineData("timeout", "Timeout", 0)]
    [InlineData("Timeout-Once", "TimeoutThenPermit", 1)]
    [InlineData("timeout-3", "TimeoutThenPermit", 3)]
    public void TryParse_KnownValue_ParsesInAnyCase(string value, string kind, int timeouts)
    {
        Assert.True(Entitlement.TryParse(value, out var entitlement));

        Assert.Equal(Enum.Parse<EntitlementKind>(kind), entitlement.Kind);
        Assert.Equal(timeouts, entitlement.Timeouts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("denied")]
    [InlineData("timeout-0")]
    [InlineData("timeout-")]
    [InlineData("timeout--1")]
    [InlineData("timeout-+2")]
    [InlineData("timeout- 2")]
    [InlineData("timeout-twice")]
    public void TryParse_UnknownValue_FailsAndFallsBackToPermit(string? value)
    {
        Assert.False(Entitlement.TryParse(value, out var entitlement));

        Assert.Equal(Entitlement.Permit, entitlement);
    }

    [Fact]
    public void For_ListedResource_MatchesTheResourceIdExactly()
    {
        var alice = EmulatorDefaults.CreateUsers().Single(u => u.Username == "alice");

        Assert.Equal(EntitlementKind.Deny, Entitlement.For(alice, EmulatorDefaults.PremiumMovieResource).Kind);
        Assert.Equal(EntitlementKind.Permit, Entitlement.For(alice, "Premium-Movie").Kind);
        Assert.Equal(EntitlementKind.Permit, Entitlement.For(alice, "news").Kind);
        Assert.Equal(EntitlementKind.Permit, Entitlement.For(user: null, EmulatorDefaults.PremiumMovieResource).Kind);
    }

    [Fact]
    public void Validate_TypoInEntitlement_FailsStartup()
    {
        // Arrange
        var options = new EmulatorOptions();
        options.Users[0].Entitlements["news"] = "denied";

        // Act
        var result = new EmulatorOptionsValidator().Validate(name: null, options);

        // Assert
        Assert.True(result.Failed);
        Assert.Contains("'denied'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultTenant_Succeeds()
    {
        Assert.True(new EmulatorOptionsValidator().Validate(name: null, new EmulatorOptions()).Succeeded);
    }
}
