using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Devices;
using PassBroker.Core.InstanceCaching;
using PassBroker.Core.Mvpds;
using PassBroker.Core.Profiles;
using PassBroker.Core.Sessions;
using PassBroker.Core.Upstream;
using PassBroker.Core.Workflow;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Sessions;

/// <summary>Sign-in use cases wired to in-memory stores, a fake clock and a mocked Adobe Pass.</summary>
internal sealed class SignInTestContext
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    public InMemorySessionStore Sessions { get; } = new();
    public InMemoryDeviceStore Devices { get; } = new();
    public InMemoryProfileCache Profiles { get; } = new();
    public InMemoryDecisionCache Decisions { get; }
    public Mock<IAdobePassClient> AdobePass { get; } = new();
    public Mock<IWorkflowStarter> Workflows { get; } = new();
    public SessionChangeNotifier Notifier { get; }
    public SignInOptions SignIn { get; } = new();

    /// <summary>The sign-in settings of a second brand (<see cref="TestBrands.Second"/>): its own landing page and domain.</summary>
    public SignInOptions SecondBrand { get; } = new() { RedirectUrl = "https://sports.example.com/authn/done", DomainName = "sports.example.com" };
    public LongPollLimiter LongPolls { get; }
    public DeviceRecord Device { get; } = TestDevices.Record();
    public TestMetrics Meters { get; }

    /// <param name="meters">The metrics the services record to; a single-brand deployment's when null.</param>
    public SignInTestContext(TestMetrics? meters = null)
    {
        Meters = meters ?? new TestMetrics();
        Decisions = new InMemoryDecisionCache(Time);
        Notifier = new SessionChangeNotifier(Time);
        LongPolls = new LongPollLimiter(Options.Create(SignIn));
        Devices.AddAsync(Device, CancellationToken.None).GetAwaiter().GetResult();
        AdobePass.Setup(a => a.GetMvpdsAsync(It.IsAny<DeviceContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Mvpd("ExampleCable", "Example Cable", null, false, false, null)]);
    }

    /// <param name="sessions">The store the service reads through; <see cref="Sessions"/> when null.</param>
    public SignInService Service(ISessionStore? sessions = null) => new(sessions ?? Sessions, AdobePass.Object, Catalog(),
        Workflows.Object, Notifier, new DeviceSignInMarker(Devices, Time, NullLogger<DeviceSignInMarker>.Instance), LongPolls,
        SignInOptions(), Time, Meters.Metrics, NullLogger<SignInService>.Instance);

    public MvpdCatalog Catalog() => new(AdobePass.Object,
        TestBrands.Options(new MvpdCatalogOptions(), (TestBrands.Second, new MvpdCatalogOptions())), TestBrands.Catalog(TestBrands.Second),
        Time, NullLogger<MvpdCatalog>.Instance);

    public IOptionsMonitor<SignInOptions> SignInOptions() => TestBrands.Options(SignIn, (TestBrands.Second, SecondBrand));

    public CheckSignInActivity CheckActivity() =>
        new(Sessions, Devices, new DeviceRecordCopies(Options.Create(new InstanceCacheOptions()), Time),
            new DeviceSignInMarker(Devices, Time, NullLogger<DeviceSignInMarker>.Instance), new AuthenticationCaches(Profiles, Decisions), AdobePass.Object, Notifier, Time, Meters.Metrics, NullLogger<CheckSignInActivity>.Instance);

    public ExpireSignInActivity ExpireActivity() => new(Sessions, Notifier, Time, Meters.Metrics);

    /// <summary>Stores a pending sign-in of <see cref="Device"/>, started now, valid for 30 minutes.</summary>
    /// <param name="code">Its code.</param>
    /// <param name="mvpd">Its MVPD.</param>
    public void AddPendingSession(string code, string? mvpd) => Sessions.AddAsync(new AuthenticationSession
    {
        DeviceKey = Device.DeviceKey,
        Code = code,
        Mvpd = mvpd,
        Status = SessionStatus.Pending,
        CreatedAt = Time.GetUtcNow(),
        ExpiresAt = Time.GetUtcNow().AddMinutes(30),
        Client = TestDevices.Client,
    }, CancellationToken.None).GetAwaiter().GetResult();

    public void UpstreamIssuesCode(string code) =>
        AdobePass.Setup(a => a.CreateSessionAsync(It.IsAny<DeviceContext>(), It.IsAny<SessionParameters>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new UpstreamSession
            {
                ActionName = "authenticate",
                ActionType = "interactive",
                ReasonType = "none",
                Code = code,
                Mvpd = "ExampleCable",
                Url = "http://adobe/api/v2/authenticate/REF30/" + code,
                NotBefore = Time.GetUtcNow(),
                NotAfter = Time.GetUtcNow().AddMinutes(30),
            });

    public static Profile Profile(string mvpd, DateTimeOffset notAfter) => new()
    {
        Mvpd = mvpd,
        NotBefore = notAfter.AddDays(-1),
        NotAfter = notAfter,
        Issuer = mvpd,
        Type = "regular",
    };
}
