using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private readonly List<int> _preauthorizeResourceCounts = [];
    private readonly List<int> _authorizeResourceCounts = [];
    private readonly Queue<EmulatorMediaToken> _mediaTokens = new();
    private int _mediaTokensIssued;
    private readonly Dictionary<(string LoginCode, string Resource), int> _decisionRequests = [];

    /// <summary>
    /// How many preauthorize requests got past header, MVPD and body validation, including those answered
    /// <c>too_many_resources</c>.
    /// </summary>
    public int PreauthorizeCount
    {
        get
        {
            lock (_gate)
            {
                return _preauthorizeResourceCounts.Count;
            }
        }
    }

    /// <summary>How many authorize requests got past header, MVPD and body validation, including <c>too_many_resources</c>.</summary>
    public int AuthorizeCount
    {
        get
        {
            lock (_gate)
            {
                return _authorizeResourceCounts.Count;
            }
        }
    }

    /// <summary>How many media tokens authorize issued.</summary>
    public int MediaTokensIssued
    {
        get
        {
            lock (_gate)
            {
                return _mediaTokensIssued;
            }
        }
    }

    /// <summary>The number of resources in each counted preauthorize request, oldest first.</summary>
    public IReadOnlyList<int> GetPreauthorizeResourceCounts()
    {
        lock (_gate)
        {
            return [.. _preauthorizeResourceCounts];
        }
    }

    /// <summary>The number of resources in each counted authorize request, oldest first.</summary>
    public IReadOnlyList<int> GetAuthorizeResourceCounts()
    {
        lock (_gate)
        {
            return [.. _authorizeResourceCounts];
        }
    }

    /// <summary>The media tokens issued so far, oldest first: the last <see cref="EmulatorOptions.MaxRecordedMediaTokens"/>.</summary>
    public IReadOnlyList<EmulatorMediaToken> ListMediaTokens()
    {
        lock (_gate)
        {
            return [.. _mediaTokens];
        }
    }

    internal void RecordDecisionsRequest(DecisionKind kind, int resourceCount)
    {
        lock (_gate)
        {
            (kind == DecisionKind.Authorize ? _authorizeResourceCounts : _preauthorizeResourceCounts).Add(resourceCount);
        }
    }

    internal void RecordMediaToken(EmulatorMediaToken token, int keep)
    {
        lock (_gate)
        {
            _mediaTokensIssued++;
            _mediaTokens.Enqueue(token);
            // Bounded, so a load test does not grow the emulator without end.
            while (_mediaTokens.Count > Math.Max(keep, 0))
            {
                _mediaTokens.Dequeue();
            }
        }
    }

    /// <summary>
    /// Counts a decision request for the resource under the profile's login, across preauthorize and authorize, so
    /// "time out N times, then permit" restarts when the user signs in again.
    /// </summary>
    /// <returns>The count including this request: 1 for the first.</returns>
    internal int CountDecisionRequest(StoredProfile profile, string resource)
    {
        lock (_gate)
        {
            var key = (profile.Code, resource);
            var count = _decisionRequests.GetValueOrDefault(key) + 1;
            _decisionRequests[key] = count;
            return count;
        }
    }
}
