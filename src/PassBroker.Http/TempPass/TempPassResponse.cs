using PassBroker.Core.TempPass;

namespace PassBroker.Http.TempPass;

/// <summary>The trial: play on it by naming <see cref="Mvpd"/> in authorize.</summary>
public sealed record TempPassResponse(
    string Kind,
    string Mvpd,
    string Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? ExpiresAt,
    int? RemainingResources,
    IReadOnlyList<string> UsedAssets)
{
    public static TempPassResponse From(TempPassState state) => new(
        state.Kind.ToString().ToLowerInvariant(), state.Mvpd, state.Status, state.StartedAt, state.ExpiresAt, state.RemainingResources, state.UsedAssets);
}
