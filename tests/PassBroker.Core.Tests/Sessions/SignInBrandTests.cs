using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.SecondScreen;
using PassBroker.Core.Sessions;
using PassBroker.Core.Tests.Decisions;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Sessions;

/// <summary>Where a brand's users land after the MVPD's login and logout, and its domain, go upstream for its devices only.</summary>
public sealed class SignInBrandTests
{
    private readonly SignInTestContext _context = new();
    private readonly List<SessionParameters> _sent = [];
    private readonly DeviceRecord _ofSecond = TestDevices.Record(brand: TestBrands.Second);

    public SignInBrandTests()
    {
        _context.Devices.AddAsync(_ofSecond, CancellationToken.None).GetAwaiter().GetResult();
        _context.AdobePass.Setup(a => a.CreateSessionAsync(It.IsAny<DeviceContext>(), It.IsAny<SessionParameters>(), It.IsAny<CancellationToken>()))
            .Callback((DeviceContext _, SessionParameters p, CancellationToken _) => _sent.Add(p))
            .ReturnsAsync(new UpstreamSession { ActionName = "authenticate", ActionType = "interactive", ReasonType = "none", Code = "AAA1111" });
        _context.AdobePass.Setup(a => a.ResumeSessionAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<SessionParameters>(), It.IsAny<CancellationToken>()))
            .Callback((DeviceContext _, string _, SessionParameters p, CancellationToken _) => _sent.Add(p))
            .ReturnsAsync(new UpstreamSession { ActionName = "authenticate", ActionType = "interactive", ReasonType = "none", Url = "https://adobe.example/authenticate" });
        _context.AdobePass.Setup(a => a.GetSessionAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UpstreamSessionInfo(new Dictionary<string, string> { ["mvpd"] = "ExampleCable" }, [], null, null));
    }

    [Fact]
    public async Task StartAsync_SendsTheDevicesBrandsRedirectUrlAndDomain()
    {
        await _context.Service().StartAsync(_context.Device, null, TestDevices.Client, CancellationToken.None);
        await _context.Service().StartAsync(_ofSecond, null, TestDevices.Client, CancellationToken.None);

        Assert.Equal(
            [(_context.SignIn.DomainName, _context.SignIn.RedirectUrl), ("sports.example.com", "https://sports.example.com/authn/done")],
            _sent.Select(p => (p.DomainName, p.RedirectUrl)));
    }

    [Fact]
    public async Task SecondScreen_ResumesWithTheCodesDevicesBrandsRedirectUrlAndDomain()
    {
        await _context.Sessions.AddAsync(new AuthenticationSession
        {
            DeviceKey = _ofSecond.DeviceKey, Brand = TestBrands.Second, Code = "BBB2222", Status = SessionStatus.Pending, Client = TestDevices.Client,
            CreatedAt = _context.Time.GetUtcNow(), ExpiresAt = _context.Time.GetUtcNow().AddMinutes(30),
        }, CancellationToken.None);
        var service = new SecondScreenService(_context.Sessions, _context.Devices, TestBrands.Catalog(TestBrands.Second), _context.AdobePass.Object, _context.Catalog(),
            _context.SignInOptions(), _context.Time, NullLogger<SecondScreenService>.Instance);

        var step = await service.EnterCodeAsync("BBB2222", TestBrands.Second, TestDevices.Client, CancellationToken.None);

        Assert.Equal(SecondScreenOutcome.Authenticate, step.Outcome);
        Assert.Equal(("sports.example.com", "https://sports.example.com/authn/done"), (_sent.Single().DomainName, _sent.Single().RedirectUrl));
    }

    [Fact]
    public async Task Logout_SendsTheDevicesBrandsLogoutRedirectUrl()
    {
        var decisions = new DecisionTestContext
        {
            SignIn = TestBrands.Options(new SignInOptions(), (TestBrands.Second, new SignInOptions { LogoutRedirectUrl = "https://sports.example.com/bye" })),
        };
        var redirects = new List<string?>();
        decisions.AdobePass.Setup(a => a.LogoutAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((DeviceContext _, string _, string? redirect, CancellationToken _) => redirects.Add(redirect))
            .ReturnsAsync([]);

        await decisions.Logout().LogoutAsync(_ofSecond, TestDevices.Client, "ExampleSat", CancellationToken.None);
        await decisions.Logout().LogoutAsync(decisions.Device, TestDevices.Client, "ExampleSat", CancellationToken.None);

        Assert.Equal(["https://sports.example.com/bye", new SignInOptions().LogoutRedirectUrl], redirects);
    }
}
