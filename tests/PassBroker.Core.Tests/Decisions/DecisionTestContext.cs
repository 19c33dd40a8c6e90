using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PassBroker.Core.Decisions;
using PassBroker.Core.Devices;
using PassBroker.Core.Logout;
using PassBroker.Core.Profiles;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;
using PassBroker.TestHelpers.Fakes;

namespace PassBroker.Core.Tests.Decisions;

/// <summary>Decision use cases over a scripted Adobe (answers per resource), in-memory caches and a self-advancing clock.</summary>
internal sealed class DecisionTestContext
{
    public const string Mvpd = "ExampleCable";

    public DecisionTestContext()
    {
        // Retries wait on the clock; advancing it on every read lets them run without real waiting.
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        Decisions = new InMemoryDecisionCache(Time);
        AdobePass.Setup(a => a.PreauthorizeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .Returns((DeviceContext _, string mvpd, IReadOnlyList<string> resources, CancellationToken _) =>
            {
                PreauthorizeBatches.Add(resources.ToList());
                return Task.FromResult<IReadOnlyList<Decision>>(resources.Select(r => Answer(r, mvpd)).ToList());
            });
        AdobePass.Setup(a => a.AuthorizeAsync(It.IsAny<DeviceContext>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((DeviceContext _, string mvpd, string resource, CancellationToken _) =>
            {
                AuthorizeCalls++;
                var answer = Answer(resource, mvpd);
                return Task.FromResult(answer.Authorized ? answer with { Token = new MediaToken("token-" + AuthorizeCalls, null, null) } : answer);
            });
        Profiles.SetAsync(Device.DeviceKey, new CachedProfiles([Profile(Mvpd, TimeSpan.FromDays(1))], DateTimeOffset.MaxValue), CancellationToken.None).GetAwaiter().GetResult();
    }

    public FakeTimeProvider Time { get; }
    public Mock<IAdobePassClient> AdobePass { get; } = new();
    public InMemoryProfileCache Profiles { get; } = new();
    public InMemoryDecisionCache Decisions { get; }
    public DeviceRecord Device { get; } = TestDevices.Record();
    public List<List<string>> PreauthorizeBatches { get; } = [];
    public int AuthorizeCalls { get; private set; }

    /// <summary>Resource name prefixes script Adobe: <c>deny-</c>, <c>retry-</c> (always), <c>flaky-</c> (once), <c>auth-</c>.</summary>
    private readonly Dictionary<string, int> _seen = [];

    // No pause between retries: Task.Delay on the fake clock would wait for an Advance nobody makes. The pause itself
    // has its own test.
    public DecisionsOptions Options { get; } = new() { RetryDelay = TimeSpan.Zero };

    public ProfileService ProfileService() => new(Profiles, AdobePass.Object, Time);

    public DecisionFetcher Fetcher() => new(AdobePass.Object, Microsoft.Extensions.Options.Options.Create(Options), Time);

    public AuthenticationCaches Caches() => new(Profiles, Decisions);

    public TempPassOptions TempPass { get; } = new() { BasicMvpd = "TempPass_REF30", PromotionalMvpd = "TempPassPromo_REF30" };

    public TempPassContexts Contexts() => new(TestBrands.Options(TempPass));

    public PreauthorizationService Preauthorization() => new(ProfileService(), Fetcher(), Decisions, Caches(), Contexts(), Microsoft.Extensions.Options.Options.Create(Options));

    public AuthorizationService Authorization(params IAuthorizationRule[] rules) =>
        new(ProfileService(), Fetcher(), Caches(), Contexts(), rules, Microsoft.Extensions.Options.Options.Create(Options), TestMetrics.Create(), NullLogger<AuthorizationService>.Instance);

    public InMemorySessionStore Sessions { get; } = new();
    public InMemoryPlayStore Plays { get; } = new();

    /// <summary>Sign-in settings per brand (the logout redirect): the defaults unless a test sets others.</summary>
    public Microsoft.Extensions.Options.IOptionsMonitor<SignInOptions> SignIn { get; set; } = TestBrands.Options(new SignInOptions());

    public LogoutService Logout() => new(AdobePass.Object, ProfileService(), Caches(),
        new SessionProfileRelease(Sessions, NullLogger<SessionProfileRelease>.Instance), Plays, SignIn);

    public Profile Profile(string mvpd, TimeSpan validFor) => new()
    {
        Mvpd = mvpd, NotBefore = Time.GetUtcNow(), NotAfter = Time.GetUtcNow() + validFor, Issuer = mvpd, Type = "regular",
    };

    private Decision Answer(string resource, string mvpd)
    {
        var times = _seen[resource] = _seen.GetValueOrDefault(resource) + 1;
        UpstreamError? error = resource switch
        {
            _ when resource.StartsWith("deny-", StringComparison.Ordinal) => new() { Code = "authorization_denied_by_mvpd", Status = 403, Message = "Not in your package.", Details = "Upgrade to Premium" },
            _ when resource.StartsWith("retry-", StringComparison.Ordinal) => new() { Code = "network_connection_timeout", Action = UpstreamActions.Retry, Status = 403 },
            _ when resource.StartsWith("flaky-", StringComparison.Ordinal) && times == 1 => new() { Code = "network_connection_timeout", Action = UpstreamActions.Retry, Status = 403 },
            _ when resource.StartsWith("auth-", StringComparison.Ordinal) => new() { Code = "authenticated_profile_missing", Action = UpstreamActions.Authentication, Status = 403 },
            _ => null,
        };
        var now = Time.GetUtcNow();
        return new Decision { Resource = resource, Mvpd = mvpd, Authorized = error is null, Error = error, NotBefore = now, NotAfter = now.AddHours(1) };
    }
}
