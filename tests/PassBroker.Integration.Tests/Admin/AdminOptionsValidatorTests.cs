using Microsoft.Extensions.Configuration;
using PassBroker.Core.Brands;
using PassBroker.Http.Admin;

namespace PassBroker.Integration.Tests.Admin;

/// <summary>Admin keys limited to brands name brands the deployment serves, and secrets by Key Vault's rule.</summary>
public sealed class AdminOptionsValidatorTests
{
    private static readonly AdminOptionsValidator Validator = new(new BrandCatalog(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Brand:Id"] = "ref30", ["Brands:sports:AdobePass:ServiceProvider"] = "REF30" })
        .Build()));

    [Fact]
    public void KeysForServedBrands_OrForAll_AreValid()
    {
        var options = new AdminOptions
        {
            Keys = [new() { Secret = "admin-sports", Brands = ["sports", "ref30"] }, new() { Secret = "admin-all" }],
        };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("news")]
    [InlineData("default")] // the default brand is called ref30 here
    [InlineData("")]
    public void KeyForABrandNotServed_FailsNamingTheEntry(string brand)
    {
        var options = new AdminOptions { Keys = [new() { Secret = "admin-all" }, new() { Secret = "admin-x", Brands = ["sports", brand] }] };

        var failure = Assert.Single(Validator.Validate(null, options).Failures!);

        Assert.StartsWith("Admin:Keys:1:Brands:1:", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyWithABadSecretName_FailsNamingIt()
    {
        var failure = Assert.Single(Validator.Validate(null, new AdminOptions { Keys = [new() { Secret = "no_underscores" }] }).Failures!);

        Assert.StartsWith("Admin:Keys:0:Secret:", failure, StringComparison.Ordinal);
    }
}
