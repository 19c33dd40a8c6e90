namespace PassBroker.Core.Profiles;

/// <summary>
/// The device's profiles as last read from Adobe, kept until the earliest <c>notAfter</c>. Shared by every instance
/// (Table Storage), so a sign-in noticed on one instance invalidates the copy every instance reads.
/// </summary>
public interface IProfileCache
{
    Task<CachedProfiles?> FindAsync(string deviceKey, CancellationToken cancellationToken);

    Task SetAsync(string deviceKey, CachedProfiles profiles, CancellationToken cancellationToken);

    Task RemoveAsync(string deviceKey, CancellationToken cancellationToken);
}
