using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private readonly Dictionary<ProfileKey, StoredProfile> _profiles = [];

    /// <summary>
    /// Records a successful MVPD login for the session's device: a <c>regular</c> profile issued by the MVPD,
    /// replacing any earlier profile for that MVPD.
    /// </summary>
    /// <returns>The profile, or null when the code stopped being active in the meantime.</returns>
    internal StoredProfile? CompleteLogin(
        string serviceProvider, string code, string username, IReadOnlyDictionary<string, object> attributes, TimeSpan lifetime)
    {
        var now = Now;
        lock (_gate)
        {
            if (FindActiveSessionLocked(serviceProvider, code, now) is not { Parameters.Mvpd: { } mvpd } session)
            {
                return null;
            }

            var key = new ProfileKey(session.Device, mvpd);
            var profile = new StoredProfile(key, session.Code, mvpd, ProfileTypes.Regular, now, now + lifetime, attributes, username);
            _profiles[key] = profile;
            _sessions[session.Code] = session with { Profile = key };
            return profile;
        }
    }

    internal StoredProfile? FindValidProfile(DeviceKey device, string mvpd)
    {
        var now = Now;
        lock (_gate)
        {
            return _profiles.TryGetValue(new ProfileKey(device, mvpd), out var profile) && profile.IsValid(now) ? profile : null;
        }
    }

    /// <summary>The device's profile for the MVPD, valid or expired, so decisions can tell "expired" from "missing".</summary>
    internal StoredProfile? FindProfile(DeviceKey device, string mvpd)
    {
        lock (_gate)
        {
            return _profiles.GetValueOrDefault(new ProfileKey(device, mvpd));
        }
    }

    /// <summary>Deletes the device's profile for the MVPD, and only that one.</summary>
    /// <returns>The deleted profile when it was still valid; null when there was none or it had expired.</returns>
    internal StoredProfile? RemoveProfile(DeviceKey device, string mvpd)
    {
        var now = Now;
        lock (_gate)
        {
            return _profiles.Remove(new ProfileKey(device, mvpd), out var profile) && profile.IsValid(now) ? profile : null;
        }
    }

    internal IReadOnlyList<StoredProfile> GetValidProfiles(DeviceKey device)
    {
        var now = Now;
        lock (_gate)
        {
            return [.. _profiles.Values.Where(p => p.Key.Device == device && p.IsValid(now))];
        }
    }

    /// <summary>The polling lookup: the profile this code's login created, while both the code and the profile are valid.</summary>
    /// <returns>False when the code is not active; otherwise true, with a null profile until the user signs in.</returns>
    internal bool TryGetProfileForCode(string serviceProvider, string code, out StoredProfile? profile)
    {
        var now = Now;
        lock (_gate)
        {
            profile = null;
            if (FindActiveSessionLocked(serviceProvider, code, now) is not { } session)
            {
                return false;
            }

            if (session.Profile is { } key
                && _profiles.TryGetValue(key, out var stored)
                && string.Equals(stored.Code, session.Code, StringComparison.Ordinal)
                && stored.IsValid(now))
            {
                profile = stored;
            }

            return true;
        }
    }
}
