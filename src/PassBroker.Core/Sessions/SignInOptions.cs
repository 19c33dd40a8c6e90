using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Sessions;

/// <summary>
/// How sign-ins are started and watched. Per brand: only <see cref="PerBrand"/>.
/// <code>
/// "SignIn": { "PollInterval": "00:00:15", "MaxDuration": "00:30:00", "MaxLongPoll": "00:00:30", "MaxWaitsPerDevice": 3,
///             "RedirectUrl": "https://tv.example.com/authn/done", "LogoutRedirectUrl": "https://tv.example.com/authn/signed-out",
///             "DomainName": "tv.example.com" }
/// </code>
/// </summary>
public sealed class SignInOptions : IValidatableObject
{
    public const string SectionName = "SignIn";

    /// <summary>What a brand may set under <c>Brands:{id}:SignIn</c>: where its users land and its domain. The rest
    /// (polling, durations, waits) is deployment-wide.</summary>
    public static readonly string[] PerBrand = [nameof(RedirectUrl), nameof(LogoutRedirectUrl), nameof(DomainName)];

    /// <summary>Time between two polls of Adobe. The older S2S cookbook says 15 s; Adobe's current pages say 3-5 s or slower,
    /// and Adobe throttles at 1 request/s per device, so anything under 3 s is refused.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "00:05:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Polling never goes on longer than this, even if Adobe's code lives longer (the cookbook: at most 30 min).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "02:00:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest <c>?wait=</c> a status request may ask for.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxLongPoll { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Long polls one device may hold at once on one instance; more are refused with 429 <c>too_many_waits</c>.
    /// An app needs one; the spares cover a retry that arrives before the server has noticed its first attempt was dropped.</summary>
    [Range(1, 100)]
    public int MaxWaitsPerDevice { get; set; } = 3;

    /// <summary>Where the browser lands after the MVPD login (sent upstream as <c>redirectUrl</c>).</summary>
    [Required]
    public string RedirectUrl { get; set; } = "http://localhost:7071/authn/done";

    /// <summary>Where the browser lands after an interactive MVPD logout (sent upstream as the logout <c>redirectUrl</c>).</summary>
    [Required]
    public string LogoutRedirectUrl { get; set; } = "http://localhost:7071/authn/signed-out";

    /// <summary>The app's originating domain (sent upstream as <c>domainName</c>); one of the requestor's registered domains.</summary>
    [Required]
    public string DomainName { get; set; } = "localhost";

    /// <summary>How pending sign-ins are polled: <see cref="Shards"/> eternal shard orchestrations over a table of
    /// pending sign-ins (<see cref="SignInPollingShape.Sharded"/>, the default: ≈ 1/50 of the storage requests of one
    /// orchestration per sign-in at 100,000 pending, docs/performance.md), or one Durable orchestration each
    /// (<see cref="SignInPollingShape.PerSignIn"/>, nothing running while nobody signs in).</summary>
    public SignInPollingShape PollingShape { get; set; } = SignInPollingShape.Sharded;

    /// <summary>Shard orchestrations of the sharded shape. A device's shard comes from a hash of its key, so change it
    /// only with no sign-in pending under the sharded shape (rows placed for another count are not polled).</summary>
    [Range(1, 256)]
    public int Shards { get; set; } = 16;

    /// <summary>Time between two rounds of a shard; under the sharded shape it must divide <see cref="PollInterval"/>
    /// (each device stays polled once per interval, at its own phase). Unset: <see cref="EffectiveShardTick"/>. Same
    /// caution as <see cref="Shards"/> for changes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan? ShardTick { get; set; }

    /// <summary>The longest default tick: a new sign-in waits at most one interval for its first poll either way, and
    /// shorter ticks cost more rounds (one timer and one activity each) while nobody signs in.</summary>
    public static readonly TimeSpan DefaultShardTickAtMost = TimeSpan.FromSeconds(5);

    /// <summary><see cref="ShardTick"/> if set, else the interval cut into the fewest equal ticks of at most
    /// <see cref="DefaultShardTickAtMost"/> (15 s: 5 s; 4 s: 4 s), so any valid <see cref="PollInterval"/> has a
    /// tick that divides it.</summary>
    public TimeSpan EffectiveShardTick
    {
        get
        {
            if (ShardTick is { } tick)
            {
                return tick;
            }
            var slots = (long)Math.Ceiling(PollInterval / DefaultShardTickAtMost);
            return PollInterval.Ticks % slots == 0 ? PollInterval / slots : PollInterval;
        }
    }

    /// <summary>Sign-ins one shard round polls at once (each is one upstream call). A round must poll its share,
    /// pending ÷ (Shards × slots), within one tick, so the shards carry about Shards × ShardConcurrency × PollInterval ÷
    /// Adobe's latency pending sign-ins (Little's law: 16 × 96 × 15 s ÷ 0.2 s ≈ 115,000, the 100,000 spike).</summary>
    [Range(1, 256)]
    public int ShardConcurrency { get; set; } = 96;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PollingShape == SignInPollingShape.Sharded && ShardTick is { } tick && tick > TimeSpan.Zero && (tick > PollInterval || PollInterval.Ticks % tick.Ticks != 0))
        {
            yield return new ValidationResult($"{nameof(ShardTick)} must divide {nameof(PollInterval)}.", [nameof(ShardTick)]);
        }
        foreach (var (name, value) in new[] { (nameof(RedirectUrl), RedirectUrl), (nameof(LogoutRedirectUrl), LogoutRedirectUrl) })
        {
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return new ValidationResult($"{name} must be an absolute http(s) URL.", [name]);
            }
        }
    }
}
