using Microsoft.Extensions.Options;
using PassBroker.Core.Profiles;

namespace PassBroker.Core.InstanceCaching;

/// <summary>
/// The shared profile cache with an in-memory copy in front: valid until the earliest <c>notAfter</c> and at most
/// <see cref="InstanceCacheOptions.ProfileLifetime"/>, refreshed by this instance's writes and dropped by its removals
/// (logout, a new sign-in, Adobe's <c>authentication</c> answers). A missing row is not copied: the user may be signing in.
/// </summary>
public sealed class CachingProfileCache(IProfileCache inner, IOptions<InstanceCacheOptions> options, TimeProvider time) : IProfileCache
{
    private readonly InstanceCache<CachedProfiles> _copies = new(time, options.Value.MaxEntries);
    private readonly TimeSpan _lifetime = options.Value.ProfileLifetime;

    public async Task<CachedProfiles?> FindAsync(string deviceKey, CancellationToken cancellationToken)
    {
        if (_copies.TryGet(deviceKey) is { } copy)
        {
            return copy;
        }
        var found = await inner.FindAsync(deviceKey, cancellationToken);
        Keep(deviceKey, found);
        return found;
    }

    public async Task SetAsync(string deviceKey, CachedProfiles profiles, CancellationToken cancellationToken)
    {
        await inner.SetAsync(deviceKey, profiles, cancellationToken);
        Keep(deviceKey, profiles);
    }

    public async Task RemoveAsync(string deviceKey, CancellationToken cancellationToken)
    {
        // Dropped before and after: a read racing the removal must not put the old copy back for long.
        _copies.Remove(deviceKey);
        await inner.RemoveAsync(deviceKey, cancellationToken);
        _copies.Remove(deviceKey);
    }

    private void Keep(string deviceKey, CachedProfiles? profiles)
    {
        // Never past the profiles' own expiry.
        var until = time.GetUtcNow() + _lifetime;
        _copies.Set(deviceKey, profiles, profiles is not null && profiles.ExpiresAt < until ? profiles.ExpiresAt : until);
    }
}
