using System.Security.Cryptography;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private const string TempPassUserIdPrefix = "temppass_";

    private readonly List<TempPassTrial> _tempPassTrials = [];
    private readonly Dictionary<string, int> _tempPassResetsByServiceProvider = new(StringComparer.Ordinal);
    private int _tempPassResetCount;

    /// <summary>How many TempPass trials exist now (resets delete them).</summary>
    public int TempPassTrialCount
    {
        get
        {
            lock (_gate)
            {
                return _tempPassTrials.Count;
            }
        }
    }

    /// <summary>How many TempPass reset requests (v3 or v2.1, by device or by key) succeeded, matched or not.</summary>
    public int TempPassResetCount
    {
        get
        {
            lock (_gate)
            {
                return _tempPassResetCount;
            }
        }
    }

    /// <summary>Successful TempPass reset requests so far, by <c>requestor_id</c> (see <see cref="TempPassResetCount"/>).</summary>
    public IReadOnlyDictionary<string, int> GetTempPassResetsByServiceProvider()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_tempPassResetsByServiceProvider, StringComparer.Ordinal);
        }
    }

    /// <summary>Every TempPass trial that exists now, oldest first, including expired and used-up ones.</summary>
    public IReadOnlyList<EmulatorTempPassTrial> ListTempPassTrials()
    {
        var now = Now;
        lock (_gate)
        {
            return [.. _tempPassTrials.Select(t => t.ToInfo(now))];
        }
    }

    /// <summary>The trial the identity belongs to, without starting or linking anything (profiles, preauthorize).</summary>
    internal TempPassTrial? FindTempPassTrial(TempPassIdentity identity)
    {
        var now = Now;
        lock (_gate)
        {
            return FindTempPassTrialLocked(identity, now, out _, out _);
        }
    }

    /// <summary>
    /// The authorize lookup of adobe-pass-v2.md section 6.3: the identity's trial, or a new one whose clock starts
    /// now. A new device id or identifier hash joins the trial the other one found, so either finds it from then on.
    /// </summary>
    internal TempPassTrial StartTempPassTrial(TempPassIdentity identity, TempPassOptions options, out bool started)
    {
        var now = Now;
        lock (_gate)
        {
            var trial = FindTempPassTrialLocked(identity, now, out var byKey, out var byDevice);
            started = trial is null;
            if (trial is null)
            {
                trial = new TempPassTrial(
                    TempPassUserIdPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
                    identity.ServiceProvider,
                    identity.Mvpd,
                    now,
                    now + options.Ttl,
                    options.IsPromotional ? options.MaxResources : null,
                    [identity.DeviceId],
                    identity.Key is null ? [] : [identity.Key],
                    []);
                _tempPassTrials.Add(trial);
                return trial;
            }

            // Rows 2 and 3 of the table link the new half of the identity; row 4 (both seen) links nothing.
            var linked = trial;
            if (byDevice is null)
            {
                linked = linked with { DeviceIds = [.. linked.DeviceIds, identity.DeviceId] };
            }

            if (identity.Key is { } key && byKey is null)
            {
                linked = linked with { Keys = [.. linked.Keys, key] };
            }

            return ReplaceTrialLocked(trial, linked);
        }
    }

    /// <summary>
    /// Authorizes one resource on the trial: promotional TempPass counts distinct resources, so a resource already
    /// used costs nothing.
    /// </summary>
    internal TempPassUse UseTempPassResource(string userId, string resource, out TempPassTrial? trial)
    {
        var now = Now;
        lock (_gate)
        {
            trial = _tempPassTrials.Find(t => t.UserId == userId);
            if (trial is null || trial.IsExpired(now))
            {
                return TempPassUse.DurationLimitExceeded;
            }

            if (!trial.IsPromotional || trial.UsedAssets.Contains(resource, StringComparer.Ordinal))
            {
                return TempPassUse.Permitted;
            }

            if (trial.RemainingResources <= 0)
            {
                return TempPassUse.ResourcesLimitExceeded;
            }

            trial = ReplaceTrialLocked(trial, trial with { UsedAssets = [.. trial.UsedAssets, resource] });
            return TempPassUse.Permitted;
        }
    }

    /// <summary>Deletes the MVPD's trials that match, so the next authorize starts a fresh one, and counts the reset.</summary>
    /// <returns>How many trials were deleted.</returns>
    internal int ResetTempPass(string serviceProvider, string mvpd, Func<TempPassTrial, bool> matches)
    {
        lock (_gate)
        {
            _tempPassResetCount++;
            _tempPassResetsByServiceProvider[serviceProvider] = _tempPassResetsByServiceProvider.GetValueOrDefault(serviceProvider) + 1;
            return _tempPassTrials.RemoveAll(t => t.Matches(serviceProvider, mvpd) && matches(t));
        }
    }

    /// <summary>
    /// Section 6.3's four rows: a hash or a device seen before finds its trial. When the hash and the device were seen
    /// in two different trials (the doc has no row for it), the hash's trial answers, unless the device's trial is used
    /// up: "no further access on that device, or with that identifier hash", so the used-up trial wins.
    /// </summary>
    private TempPassTrial? FindTempPassTrialLocked(
        TempPassIdentity identity, DateTimeOffset now, out TempPassTrial? byKey, out TempPassTrial? byDevice)
    {
        var mvpdTrials = _tempPassTrials.Where(t => t.Matches(identity.ServiceProvider, identity.Mvpd)).ToList();
        byKey = mvpdTrials.Find(t => t.HasKey(identity.Key));
        byDevice = mvpdTrials.Find(t => t.HasDevice(identity.DeviceId));
        return (byKey, byDevice) switch
        {
            (null, var device) => device,
            (var key, null) => key,
            var (key, device) when key.UserId == device.UserId => key,
            var (key, device) => device.IsUsedUp(now) ? device : key,
        };
    }

    private TempPassTrial ReplaceTrialLocked(TempPassTrial old, TempPassTrial updated)
    {
        _tempPassTrials[_tempPassTrials.IndexOf(old)] = updated;
        return updated;
    }
}
