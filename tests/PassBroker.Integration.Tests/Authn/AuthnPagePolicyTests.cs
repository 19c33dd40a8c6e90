using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using PassBroker.AdobePass;
using PassBroker.Core.Upstream;
using PassBroker.Http.Pages;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Integration.Tests.Authn;

/// <summary>The second-screen pages' policy: which logo hosts, the header it makes, and the logos the picker shows.</summary>
public sealed class AuthnPagePolicyTests
{
    [Fact]
    public void NoLogoHostsConfigured_ImagesMayComeFromAdobesHostOnly()
    {
        var policy = Policy([], adobe: "https://sp.auth.adobe.com");

        Assert.Contains("img-src 'self' https://sp.auth.adobe.com;", policy.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.True(policy.AllowsLogo(new Uri("https://sp.auth.adobe.com/logos/cable.png")));
        Assert.False(policy.AllowsLogo(new Uri("https://elsewhere.example/cable.png")));
    }

    [Fact]
    public void Picker_ShowsOnlyHttpsLogosFromTheAllowedHosts()
    {
        var policy = Policy(["logos.example.com", "cdn.example.net:8443"]);
        Mvpd[] mvpds =
        [
            new("A", "Allowed", "https://LOGOS.example.com/a.png", false, false, null),
            new("B", "Allowed with port", "https://cdn.example.net:8443/b.png", false, false, null),
            new("C", "Other host", "https://tracker.example.org/c.png", false, false, null),
            new("D", "Plain http", "http://logos.example.com/d.png", false, false, null),
            new("E", "Wrong port", "https://cdn.example.net/e.png", false, false, null),
        ];

        var html = AuthnPages.Picker(new BrandLook(null, null, null, AuthnStylesheet.Css, "v"), "ABC1234", mvpds, policy, error: null);

        Assert.Contains("src=\"https://logos.example.com/a.png\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"https://cdn.example.net:8443/b.png\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<img ").Length - 1);
        Assert.Equal(
            "default-src 'none'; style-src 'self'; img-src 'self' https://cdn.example.net:8443 https://logos.example.com; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            policy.ContentSecurityPolicy);
    }

    [Theory]
    [InlineData("logos.example.com", true)]
    [InlineData("logos.example.com:8443", true)]
    [InlineData("203.0.113.9", true)]
    [InlineData("https://logos.example.com", false)]
    [InlineData("logos.example.com/path", false)]
    [InlineData("logos.example.com; script-src *", false)]
    [InlineData("* 'unsafe-inline'", false)]
    [InlineData("user@logos.example.com", false)]
    [InlineData("", false)]
    public void LogoHosts_AreHostsAndNothingElse(string host, bool valid)
    {
        var options = new SecondScreenOptions { LogoHosts = [host] };

        var errors = options.Validate(new ValidationContext(options)).ToList();

        Assert.Equal(valid, errors.Count == 0);
    }

    private static AuthnPagePolicy Policy(List<string> logoHosts, string adobe = "https://sp.auth.adobe.com") => new(
        Options.Create(new SecondScreenOptions { LogoHosts = logoHosts }),
        Options.Create(new AdobePassOptions { BaseUrl = new Uri(adobe), ServiceProvider = "REF30" }));
}
