using System.Text.Json;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.Sessions;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private readonly Dictionary<string, AuthenticationSession> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<DeviceKey, string> _currentCodeByDevice = [];
    private readonly Dictionary<string, int> _signInPolls = new(StringComparer.Ordinal);

    /// <summary>
    /// How many times the sign-in of <paramref name="code"/> was polled: <c>/profiles/code/{code}</c>, or
    /// <c>/profiles/{mvpd}</c> by the device while this was its current session (the cookbook's poll when the app picked
    /// the MVPD).
    /// </summary>
    public int GetSignInPolls(string code)
    {
        lock (_gate)
        {
            return _signInPolls.GetValueOrDefault(NormalizeCode(code));
        }
    }

    /// <summary>Sign-in polls so far, by code (see <see cref="GetSignInPolls"/>).</summary>
    public IReadOnlyDictionary<string, int> GetSignInPollsByCode()
    {
        lock (_gate)
        {
            return new Dictionary<string, int>(_signInPolls, StringComparer.Ordinal);
        }
    }

    /// <summary>Every session created so far, oldest first, including expired and replaced ones.</summary>
    public IReadOnlyList<EmulatorSessionInfo> ListSessions()
    {
        var now = Now;
        lock (_gate)
        {
            return [.. _sessions.Values.OrderBy(s => s.NotBefore).Select(s => s.ToInfo(now))];
        }
    }

    /// <summary>Ends a code's validity now, as if its <c>notAfter</c> had passed.</summary>
    /// <returns>False when no session has that code.</returns>
    public bool ExpireCode(string code)
    {
        var now = Now;
        lock (_gate)
        {
            var key = NormalizeCode(code);
            if (!_sessions.TryGetValue(key, out var session))
            {
                return false;
            }

            _sessions[key] = session with { NotAfter = session.NotAfter < now ? session.NotAfter : now };
            return true;
        }
    }

    /// <summary>Issues a new code to the device; the device's previous code stops working (checklist: "a new code replaces the old one").</summary>
    internal AuthenticationSession OpenSession(
        DeviceKey device, JsonElement deviceInfo, SessionParameters parameters, TimeSpan codeLifetime, out string? replacedCode)
    {
        var now = Now;
        lock (_gate)
        {
            var code = RandomIds.NewCode();
            while (_sessions.ContainsKey(code))
            {
                code = RandomIds.NewCode();
            }

            replacedCode = null;
            if (_currentCodeByDevice.TryGetValue(device, out var previous) && _sessions.TryGetValue(previous, out var old) && !old.Replaced)
            {
                _sessions[previous] = old with { Replaced = true };
                replacedCode = previous;
            }

            var session = new AuthenticationSession(code, RandomIds.NewOpaqueId(), device, deviceInfo, parameters, now, now + codeLifetime);
            _sessions.Add(code, session);
            _currentCodeByDevice[device] = code;
            return session;
        }
    }

    /// <returns>The session, or null when the code is unknown, expired, replaced or belongs to another service provider.</returns>
    internal AuthenticationSession? FindActiveSession(string serviceProvider, string code)
    {
        var now = Now;
        lock (_gate)
        {
            return FindActiveSessionLocked(serviceProvider, code, now);
        }
    }

    /// <summary>
    /// The MVPD login page's lookup: it knows only the code, which is unique across service providers, and takes the
    /// service provider from the session.
    /// </summary>
    /// <returns>The session, or null when the code is unknown, expired or replaced.</returns>
    internal AuthenticationSession? FindActiveSession(string code)
    {
        var now = Now;
        lock (_gate)
        {
            return _sessions.TryGetValue(NormalizeCode(code), out var session) && session.IsActive(now) ? session : null;
        }
    }

    /// <summary>Fills in the parameters the resume call supplied.</summary>
    /// <returns>The updated session, or null when the code is no longer active.</returns>
    internal AuthenticationSession? ResumeSession(string serviceProvider, string code, SessionParameters supplied)
    {
        var now = Now;
        lock (_gate)
        {
            if (FindActiveSessionLocked(serviceProvider, code, now) is not { } session)
            {
                return null;
            }

            var resumed = session with { Parameters = session.Parameters.Merge(supplied) };
            _sessions[session.Code] = resumed;
            return resumed;
        }
    }

    internal void RecordProfileCodePoll(string code)
    {
        lock (_gate)
        {
            CountSignInPollLocked(NormalizeCode(code));
        }
    }

    /// <summary>A <c>/profiles/{mvpd}</c> call counts as a poll of the device's current, still pending session.</summary>
    internal void RecordProfileMvpdPoll(DeviceKey device)
    {
        lock (_gate)
        {
            if (_currentCodeByDevice.TryGetValue(device, out var code) && _sessions.TryGetValue(code, out var session) && session.IsActive(Now))
            {
                CountSignInPollLocked(code);
            }
        }
    }

    private void CountSignInPollLocked(string code) => _signInPolls[code] = _signInPolls.GetValueOrDefault(code) + 1;

    private AuthenticationSession? FindActiveSessionLocked(string serviceProvider, string code, DateTimeOffset now) =>
        _sessions.TryGetValue(NormalizeCode(code), out var session)
        && session.IsActive(now)
        && string.Equals(session.Device.ServiceProvider, serviceProvider, StringComparison.Ordinal)
            ? session
            : null;

    // Users type codes on a second screen; Adobe's codes are upper case, so accept any case (adobe-pass-v2.md section 10, question 4).
    private static string NormalizeCode(string code) => code.Trim().ToUpperInvariant();
}
