using System.ComponentModel.DataAnnotations;
using System.Net;
using PassBroker.Http;
using PassBroker.Http.Edge;
using PassBroker.Http.Limits;

namespace PassBroker.Integration.Tests.Edge;

/// <summary>The key per-client limits count by, whose proxies are trusted, and how the two counts of a limit combine.</summary>
public sealed class ClientAddressGroupsTests
{
    [Theory]
    [InlineData("198.51.100.7", 64, "198.51.100.7")]
    [InlineData("::ffff:198.51.100.7", 64, "198.51.100.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", 64, "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2ff::1", 56, "2001:db8:1:200::/56")]
    [InlineData("2001:db8::1", 128, "2001:db8::1/128")]
    [InlineData("fe80::1%2", 64, "fe80::/64")]
    public void GroupOf_KeepsIpv4_AndCutsIpv6ToItsPrefix(string address, int prefix, string expected)
    {
        Assert.Equal(expected, ClientAddressGroups.GroupOf(IPAddress.Parse(address), prefix));
    }

    [Theory]
    [InlineData("10.0.0.4", "10.0.0.4", true)]
    [InlineData("10.0.0.4", "10.0.0.5", false)]
    [InlineData("10.1.0.0/16", "10.1.200.3", true)]
    [InlineData("2001:db8::/32", "2001:db8:ffff::1", true)]
    public void KnownProxies_AreAddressesOrNetworks(string entry, string caller, bool trusted)
    {
        var options = TrustedProxies.ForwardedHeadersOptions(new HttpOptions { KnownProxies = [entry] });

        Assert.Equal(trusted, options.KnownIPNetworks.Any(n => n.Contains(IPAddress.Parse(caller))));
        Assert.Empty(options.KnownProxies);
        Assert.Equal(1, options.ForwardLimit);
    }

    [Fact]
    public void NothingIsTrustedByDefault_LoopbackIncluded_UnlessThePlatformHopIsTheFunctionsHost()
    {
        var devHost = TrustedProxies.ForwardedHeadersOptions(new HttpOptions());
        var functions = TrustedProxies.ForwardedHeadersOptions(new HttpOptions { PlatformProxy = PlatformProxy.FunctionsHost });

        Assert.Empty(devHost.KnownIPNetworks);
        Assert.Empty(devHost.KnownProxies);
        Assert.Contains(functions.KnownIPNetworks, n => n.Contains(IPAddress.Loopback));
        Assert.Contains(functions.KnownIPNetworks, n => n.Contains(IPAddress.IPv6Loopback));
        Assert.DoesNotContain(functions.KnownIPNetworks, n => n.Contains(IPAddress.Parse("10.0.0.1")));
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("10.1.2.3/16")]
    [InlineData("10.0.0.0/33")]
    public void InvalidKnownProxies_FailValidation(string entry)
    {
        Assert.NotEmpty(Validate(new HttpOptions { KnownProxies = [entry] }));
    }

    [Fact]
    public void TheRemovedTrustAnyProxySetting_FailsValidation()
    {
        var errors = Validate(new HttpOptions { TrustForwardedHeadersFromAnyProxy = true });

        Assert.Contains(errors, e => e.ErrorMessage!.Contains("Http:KnownProxies", StringComparison.Ordinal));
    }

    [Fact]
    public void ClientLimiter_WithoutAnInstanceCount_LimitsEachClientOnly()
    {
        using var limiter = new ClientLimiter(perClient: 1, perInstance: null, TimeSpan.FromMinutes(10));

        Assert.All(Enumerable.Range(0, 50), i => Assert.Null(limiter.TryEnter($"client-{i}")));
        Assert.Equal(LimitScope.Client, limiter.TryEnter("client-0")!.Value.Scope);
    }

    [Fact]
    public void ClientLimiter_AsksTheClientsCountFirst_ThenTheInstances()
    {
        using var limiter = new ClientLimiter(perClient: 2, perInstance: 3, TimeSpan.FromMinutes(10));

        Assert.Null(limiter.TryEnter("a"));
        Assert.Null(limiter.TryEnter("a"));
        Assert.Equal(LimitScope.Client, limiter.TryEnter("a")!.Value.Scope);
        Assert.Null(limiter.TryEnter("b"));
        var refused = limiter.TryEnter("c");

        Assert.Equal(LimitScope.Instance, refused!.Value.Scope);
        Assert.InRange(refused.Value.RetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
    }

    private static List<ValidationResult> Validate(HttpOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
