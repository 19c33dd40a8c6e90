using PassBroker.Emulator.Decisions;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator;

public sealed partial class EmulatorState
{
    private readonly List<int> _preauthorizeResourceCounts = [];
    private readonly List<int> _authorizeResourceCounts = [];
    private readonly List<EmulatorMediaToken> _mediaTokens = [];
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
                return _mediaTokens.Count;
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

    /// <summary>Every media token issued so far, oldest first.</summary>
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

    internal void RecordMediaToken(EmulatorMediaToken token)
    {
        lock (_gate)
        {
            _mediaTokens.Add(token);
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
