using System.Diagnostics;
using System.Diagnostics.Metrics;
using PassBroker.Core.Sessions;
using Tags = PassBroker.Core.Telemetry.PassBrokerTelemetry.Tags;

namespace PassBroker.Core.Telemetry;

/// <summary>
/// PassBroker's business metrics, in the one <c>PassBroker</c> meter (System.Diagnostics.Metrics: Core needs no
/// OpenTelemetry package; the hosts export the meter). What operators watch during a live event: the sign-in funnel per
/// MVPD, polls per sign-in, authorize outcomes per MVPD and reason, Adobe's latency and errors, and the calls pacing
/// kept from becoming 429s. Tags are bounded sets (MVPD ids, codes, statuses, brands: see <see cref="BrandTags"/>), never
/// device keys or tokens.
/// </summary>
public sealed class PassBrokerMetrics
{
    private readonly Counter<long> _signInsStarted;
    private readonly Counter<long> _signInsCompleted;
    private readonly Counter<long> _signInsExpired;
    private readonly Counter<long> _signInsFailed;
    private readonly Counter<long> _signInPolls;
    private readonly Histogram<double> _signInDuration;
    private readonly Counter<long> _authorizeDecisions;
    private readonly Histogram<double> _upstreamDuration;
    private readonly Counter<long> _upstreamErrors;
    private readonly Counter<long> _pacingDelayed;
    private readonly Counter<long> _pacingRejected;
    private readonly BrandTags _brands;

    /// <param name="meterFactory">Makes the <c>PassBroker</c> meter.</param>
    /// <param name="brands">The <c>passbroker.brand</c> values; null: the default brand only.</param>
    public PassBrokerMetrics(IMeterFactory meterFactory, BrandTags? brands = null)
    {
        _brands = brands ?? new BrandTags();
        var meter = meterFactory.Create(PassBrokerTelemetry.Name);
        _signInsStarted = meter.CreateCounter<long>("passbroker.signin.started", "{signin}", "Sign-ins started (POST /api/authentication/sessions answered), by MVPD.");
        _signInsCompleted = meter.CreateCounter<long>("passbroker.signin.completed", "{signin}", "Sign-ins that ended authenticated, by MVPD.");
        _signInsExpired = meter.CreateCounter<long>("passbroker.signin.expired", "{signin}", "Sign-ins that ended unused: code expired, replaced by a newer one, or Adobe dropped the session; by MVPD and reason.");
        _signInsFailed = meter.CreateCounter<long>("passbroker.signin.failed", "{signin}", "Sign-ins Adobe refused while polling, by MVPD and upstream code.");
        _signInPolls = meter.CreateCounter<long>("passbroker.signin.polls", "{poll}", "Polls of Adobe for a pending sign-in, by MVPD and the status after the poll; divided by the sign-ins ended, polls per sign-in.");
        _signInDuration = meter.CreateHistogram<double>("passbroker.signin.duration", "s", "Time from a sign-in's start to its end, by MVPD and final status.");
        _authorizeDecisions = meter.CreateCounter<long>("passbroker.authorize.decisions", "{decision}", "Authorize answers, by MVPD, decision (permit/deny), reason code and source (mvpd, rule, temppass…).");
        _upstreamDuration = meter.CreateHistogram<double>("passbroker.upstream.duration", "s", "Duration of each call to Adobe Pass, by operation (route template), MVPD and HTTP status.");
        _upstreamErrors = meter.CreateCounter<long>("passbroker.upstream.errors", "{error}", "Failed calls to Adobe Pass, by operation, MVPD and Adobe's error code (throttled, unavailable for no answer).");
        _pacingDelayed = meter.CreateCounter<long>("passbroker.pacing.delayed", "{call}", "Upstream calls the pacer held back to stay under Adobe's rate limit (429s avoided by waiting), by operation.");
        _pacingRejected = meter.CreateCounter<long>("passbroker.pacing.rejected", "{call}", "Upstream calls the pacer refused locally instead of spending them on a 429, by operation.");
    }

    /// <param name="mvpd">The MVPD asked, if the app named one.</param>
    /// <param name="brand">The device's brand key.</param>
    public void SignInStarted(string? mvpd, string brand) => _signInsStarted.Add(1, MvpdTag(mvpd), BrandTag(brand));

    /// <summary>A sign-in reached a final status (recorded once, by whoever wrote that status).</summary>
    /// <param name="ended">The session as stored with its final status.</param>
    /// <param name="brand">The device's brand key.</param>
    public void SignInEnded(AuthenticationSession ended, string brand)
    {
        var counter = ended.Status switch
        {
            SessionStatus.Authenticated => _signInsCompleted,
            SessionStatus.Expired => _signInsExpired,
            _ => _signInsFailed,
        };
        counter.Add(1, MvpdTag(ended.Mvpd), new(Tags.Reason, ended.UpstreamCode ?? ended.EndReason ?? PassBrokerTelemetry.NoReason), BrandTag(brand));
        if (ended.CompletedAt is { } at)
        {
            _signInDuration.Record((at - ended.CreatedAt).TotalSeconds, MvpdTag(ended.Mvpd), new(Tags.SignInStatus, StatusTag(ended.Status)), BrandTag(brand));
        }
    }

    /// <summary>A sign-in that needed no login (Adobe answered authenticated at once).</summary>
    /// <param name="mvpd">The MVPD asked.</param>
    /// <param name="brand">The device's brand key.</param>
    public void SignInCompletedAtOnce(string? mvpd, string brand)
    {
        _signInsCompleted.Add(1, MvpdTag(mvpd), new(Tags.Reason, PassBrokerTelemetry.NoReason), BrandTag(brand));
        _signInDuration.Record(0, MvpdTag(mvpd), new(Tags.SignInStatus, StatusTag(SessionStatus.Authenticated)), BrandTag(brand));
    }

    /// <param name="mvpd">The sign-in's MVPD, if known.</param>
    /// <param name="statusAfter">The sign-in's status after the poll.</param>
    /// <param name="brand">The device's brand key.</param>
    public void SignInPolled(string? mvpd, SessionStatus statusAfter, string brand) =>
        _signInPolls.Add(1, MvpdTag(mvpd), new(Tags.SignInStatus, StatusTag(statusAfter)), BrandTag(brand));

    /// <param name="mvpd">The MVPD asked (or whose profile the rules looked at).</param>
    /// <param name="permit">True for a permit.</param>
    /// <param name="reason">The deny's code (Adobe's or a rule's); null for a permit.</param>
    /// <param name="source">Who decided: <c>mvpd</c>, <c>temppass</c>, <c>degradation</c>, <c>rule</c>…</param>
    /// <param name="brand">The device's brand key.</param>
    public void AuthorizeDecided(string mvpd, bool permit, string? reason, string source, string brand)
    {
        var tags = new TagList
        {
            MvpdTag(mvpd),
            new(Tags.Decision, permit ? "permit" : "deny"),
            new(Tags.Reason, reason ?? PassBrokerTelemetry.NoReason),
            new(Tags.Source, source),
            BrandTag(brand),
        };
        _authorizeDecisions.Add(1, in tags);
    }

    /// <summary>One call to Adobe: its duration, and its error code when it failed.</summary>
    /// <param name="operation">The route template (never the filled URL: codes and MVPDs would explode the series).</param>
    /// <param name="mvpd">The MVPD in the call, if any.</param>
    /// <param name="httpStatus">Adobe's HTTP status; null when no answer came.</param>
    /// <param name="errorCode">Adobe's error code (or <c>throttled</c>, <c>unavailable</c>); null on success.</param>
    /// <param name="duration">Time from send to the answer's headers (or the failure).</param>
    /// <param name="brand">The brand key of the device the call is for; null for a call for no device.</param>
    public void UpstreamCalled(string operation, string? mvpd, int? httpStatus, string? errorCode, TimeSpan duration, string? brand)
    {
        // A TagList: more than three tags, without the params array.
        var tags = new TagList { new(Tags.Operation, operation), MvpdTag(mvpd), new(Tags.HttpStatus, httpStatus ?? 0), BrandTag(brand) };
        _upstreamDuration.Record(duration.TotalSeconds, in tags);
        if (errorCode is not null)
        {
            tags.Add(Tags.UpstreamErrorCode, errorCode);
            _upstreamErrors.Add(1, in tags);
        }
    }

    /// <summary>The <c>passbroker.brand</c> tag (also for spans): the brand's public id, bounded (see <see cref="BrandTags"/>).</summary>
    /// <param name="brand">A brand key; null for no device.</param>
    public KeyValuePair<string, object?> BrandTag(string? brand) => new(Tags.Brand, _brands.Of(brand));

    /// <summary>Sets the <c>passbroker.brand</c> tag on <paramref name="span"/>, with the value the metrics use.</summary>
    /// <param name="span">The span, or null when nobody listens.</param>
    /// <param name="brand">A brand key; null for no device.</param>
    public void TagBrand(Activity? span, string? brand) => span?.SetTag(Tags.Brand, _brands.Of(brand));

    /// <summary>For the upstream pacer: a call held back (instead of risking a 429).</summary>
    /// <param name="operation">The route template of the call.</param>
    public void PacingDelayed(string operation) => _pacingDelayed.Add(1, new KeyValuePair<string, object?>(Tags.Operation, operation));

    /// <summary>For the upstream pacer: a call refused locally (the app gets <c>upstream_throttled</c> without a 429 spent).</summary>
    /// <param name="operation">The route template of the call.</param>
    public void PacingRejected(string operation) => _pacingRejected.Add(1, new KeyValuePair<string, object?>(Tags.Operation, operation));

    private static KeyValuePair<string, object?> MvpdTag(string? mvpd) => new(Tags.Mvpd, string.IsNullOrEmpty(mvpd) ? PassBrokerTelemetry.NoMvpd : mvpd);

    private static string StatusTag(SessionStatus status) => status.ToString().ToLowerInvariant();
}
