using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Core.TempPass;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Decisions;

/// <summary>
/// Preauthorize for catalogue filtering: any number of resources, cached permits first, the rest from Adobe in
/// batches, permits kept until their <c>notAfter</c>. Never grants playback (no media token ever comes from here).
/// </summary>
public sealed class PreauthorizationService(
    ProfileService profiles,
    DecisionFetcher fetcher,
    IDecisionCache cache,
    AuthenticationCaches caches,
    TempPassContexts contexts,
    IOptions<DecisionsOptions> options)
{
    public async Task<(string Mvpd, IReadOnlyList<Decision> Decisions)> PreauthorizeAsync(
        DeviceRecord device, ClientEndpoint client, string? mvpd, IReadOnlyList<string?>? resources, CancellationToken cancellationToken)
    {
        var wanted = ResourceList.Validate(resources, options.Value);
        var chosen = await profiles.ChooseMvpdAsync(device, client, mvpd, cancellationToken);

        var cached = await cache.FindPermitsAsync(device.DeviceKey, chosen, wanted, cancellationToken);
        var missing = wanted.Where(r => !cached.ContainsKey(r)).ToList();
        var fresh = missing.Count == 0
            ? new Dictionary<string, Decision>()
            : await fetcher.PreauthorizeAsync(contexts.For(device, client, chosen), chosen, missing, cancellationToken);
        var permits = fresh.Values.Where(d => d.Authorized).ToList();
        if (permits.Count > 0)
        {
            await cache.SetPermitsAsync(device.DeviceKey, permits, cancellationToken);
        }

        var decisions = wanted.Select(r => cached.TryGetValue(r, out var hit) ? hit : fresh[r] with { Token = null }).ToList();
        await DecisionAnswers.ThrowUnlessAnyAnswerAsync(decisions, device.DeviceKey, caches, cancellationToken);
        return (chosen, decisions);
    }
}
