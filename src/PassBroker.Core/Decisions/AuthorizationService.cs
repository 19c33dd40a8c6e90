using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.Telemetry;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// Authorize before every play: the programmer's rules, then Adobe (never a cached decision, never a cached media
/// token), then the rules again. The answer is a permit with a media token or a deny with its reason.
/// </summary>
public sealed class AuthorizationService(
    ProfileService profiles,
    DecisionFetcher fetcher,
    AuthenticationCaches caches,
    TempPassContexts contexts,
    IEnumerable<IAuthorizationRule> rules,
    IOptions<DecisionsOptions> options,
    PassBrokerMetrics metrics,
    ILogger<AuthorizationService> logger)
{
    private readonly IReadOnlyList<IAuthorizationRule> _rules = rules.ToList();

    public async Task<Decision> AuthorizeAsync(DeviceRecord device, ClientEndpoint client, string? mvpd, string? resource, CancellationToken cancellationToken)
    {
        var validResource = ResourceList.ValidateOne(resource, "resource", options.Value);
        var chosen = await profiles.ChooseMvpdAsync(device, client, mvpd, cancellationToken);
        var request = new AuthorizationRequest(device, contexts.For(device, client, chosen), chosen, validResource);

        // Rules may start work before Adobe is asked (the play lease write); every rule that let the request go on
        // hears how it ended, a failure included, so that work is finished or taken back.
        var passed = 0;
        var completing = false;
        try
        {
            for (; passed < _rules.Count; passed++)
            {
                if (await _rules[passed].BeforeUpstreamAsync(request, cancellationToken) is { } denied)
                {
                    logger.RuleDenied(device.DeviceKey, _rules[passed].Name, denied.Error?.Code);
                    completing = true;
                    await CompleteAsync(request, passed, denied, cancellationToken);
                    return Decided(denied, device.Brand);
                }
            }

            var decision = await fetcher.AuthorizeAsync(request.Context, chosen, validResource, cancellationToken);
            await DecisionAnswers.ThrowUnlessAnswerAsync(decision, device.DeviceKey, caches, cancellationToken);
            foreach (var rule in _rules)
            {
                decision = await rule.AfterUpstreamAsync(request, decision, cancellationToken);
            }
            completing = true;
            await CompleteAsync(request, passed, decision, cancellationToken);
            logger.Authorized(device.DeviceKey, chosen, decision.Authorized, decision.Error?.Code);
            return Decided(decision, device.Brand);
        }
        catch (Exception) when (!completing && passed > 0)
        {
            await CompleteAsync(request, passed, null, cancellationToken);
            throw;
        }
    }

    private async ValueTask CompleteAsync(AuthorizationRequest request, int passed, Decision? final, CancellationToken cancellationToken)
    {
        for (var i = 0; i < passed; i++)
        {
            await _rules[i].CompletedAsync(request, final, cancellationToken);
        }
    }

    private Decision Decided(Decision decision, string brand)
    {
        metrics.AuthorizeDecided(decision.Mvpd, decision.Authorized, decision.Error?.Code, decision.Source, brand);
        var span = PassBrokerTelemetry.ListenedSpan;
        span?.SetTag(PassBrokerTelemetry.Tags.Mvpd, decision.Mvpd);
        span?.SetTag(PassBrokerTelemetry.Tags.Decision, decision.Authorized ? "permit" : "deny");
        span?.SetTag(PassBrokerTelemetry.Tags.Reason, decision.Error?.Code ?? PassBrokerTelemetry.NoReason);
        return decision;
    }
}
