using Microsoft.AspNetCore.Http.HttpResults;

namespace PassBroker.Emulator.Faults;

/// <summary>
/// Test hooks for the run's faults: <c>PUT /emulator/faults</c> <c>{"profile": "status=503;rate=0.1", "throttle": true}</c>
/// sets the default profile (null: none) and Adobe's throttle; <c>DELETE</c> turns both off and clears the counts;
/// <c>GET</c> reports them.
/// </summary>
internal static class FaultsApi
{
    public static RouteGroupBuilder MapFaultsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/faults", Get);
        group.MapPut("/faults", Put);
        group.MapDelete("/faults", Delete);
        return group;
    }

    public static Ok<FaultsReport> Get(FaultInjector faults, AdobeThrottle throttle) => TypedResults.Ok(Report(faults, throttle));

    public static Results<Ok<FaultsReport>, ProblemHttpResult> Put(FaultsSettings settings, FaultInjector faults, AdobeThrottle throttle)
    {
        FaultProfile? profile = null;
        if (settings.Profile is { } text && !FaultProfile.TryParse(text, out profile, out var error))
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest);
        }
        faults.Default = profile;
        throttle.Enabled = settings.Throttle;
        return TypedResults.Ok(Report(faults, throttle));
    }

    public static NoContent Delete(FaultInjector faults, AdobeThrottle throttle)
    {
        faults.Default = null;
        faults.ResetCounts();
        throttle.Enabled = false;
        throttle.Reset();
        return TypedResults.NoContent();
    }

    private static FaultsReport Report(FaultInjector faults, AdobeThrottle throttle) => new(
        faults.Default is null ? null : string.Join(',', faults.Default.Kinds),
        throttle.Enabled,
        faults.Injected.ToDictionary(e => e.Key.ToString(), e => e.Value),
        throttle.ThrottledCount,
        faults.Requests);
}

/// <summary>The body of <c>PUT /emulator/faults</c>.</summary>
internal sealed record FaultsSettings(string? Profile, bool Throttle);

/// <summary>The body of <c>GET /emulator/faults</c>: what is on and what was injected.</summary>
internal sealed record FaultsReport(string? DefaultKinds, bool Throttle, IReadOnlyDictionary<string, int> Injected, int Throttled429s, int Requests);
