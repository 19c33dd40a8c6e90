using PassBroker.Core.Upstream;

namespace PassBroker.Core.Profiles;

/// <summary>A device's profiles and the moment the copy stops being usable.</summary>
public sealed record CachedProfiles(IReadOnlyList<Profile> Profiles, DateTimeOffset ExpiresAt);
