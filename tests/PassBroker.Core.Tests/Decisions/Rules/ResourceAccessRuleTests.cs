using PassBroker.Core.Decisions;
using PassBroker.Core.Decisions.Rules;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions.Rules;

public sealed class ResourceAccessRuleTests
{
    private static readonly Core.Devices.DeviceRecord Device = TestDevices.Record();

    private static async Task<string?> DenialCodeAsync(string resource, string[] allow, string[] deny)
    {
        var rule = new ResourceAccessRule(TestBrands.Options(new ResourceAccessOptions { Allow = allow, Deny = deny }), TestBrands.Catalog());
        var request = new AuthorizationRequest(Device, Device.ToContext(TestDevices.Client), "ExampleCable", resource);
        return (await rule.BeforeUpstreamAsync(request, CancellationToken.None))?.Error?.Code;
    }

    [Theory]
    [InlineData("show-1", new string[0], new string[0], null)]
    [InlineData("blocked", new string[0], new[] { "blocked" }, ResourceAccessRule.DeniedCode)]
    [InlineData("show-1", new[] { "show-1" }, new string[0], null)]
    [InlineData("show-2", new[] { "show-1" }, new string[0], ResourceAccessRule.DeniedCode)]
    [InlineData("show-1", new[] { "show-1" }, new[] { "show-1" }, ResourceAccessRule.DeniedCode)]
    [InlineData("Blocked", new string[0], new[] { "blocked" }, null)]
    public async Task BeforeUpstreamAsync_AllowAndDenyLists(string resource, string[] allow, string[] deny, string? expectedCode) =>
        Assert.Equal(expectedCode, await DenialCodeAsync(resource, allow, deny));

    [Fact]
    public async Task BeforeUpstreamAsync_Denied_ExplainsWhichListInTheDetails()
    {
        var rule = new ResourceAccessRule(TestBrands.Options(new ResourceAccessOptions { Deny = ["blocked"] }), TestBrands.Catalog());
        var request = new AuthorizationRequest(Device, Device.ToContext(TestDevices.Client), "ExampleCable", "blocked");

        var denied = await rule.BeforeUpstreamAsync(request, CancellationToken.None);

        Assert.Equal(RuleDenials.Source, denied!.Source);
        Assert.Contains("deny list", denied.Error!.Details, StringComparison.Ordinal);
        Assert.Equal(403, denied.Error.Status);
    }
}
