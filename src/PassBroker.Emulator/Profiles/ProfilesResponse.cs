using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Profiles;

/// <summary>OpenAPI <c>ProfilesResponse</c>: valid profiles by MVPD id; the map may be empty.</summary>
internal sealed record ProfilesResponse(IReadOnlyDictionary<string, MvpdProfile> Profiles)
{
    public static ProfilesResponse From(IEnumerable<StoredProfile> profiles) =>
        new(profiles.ToDictionary(p => p.Key.Mvpd, MvpdProfile.From, StringComparer.Ordinal));
}
