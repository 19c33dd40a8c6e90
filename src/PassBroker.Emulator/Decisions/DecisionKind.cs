namespace PassBroker.Emulator.Decisions;

/// <summary>The two decisions endpoints: informative (no token) and authoritative (a media token on permit).</summary>
internal enum DecisionKind
{
    Preauthorize,
    Authorize,
}
