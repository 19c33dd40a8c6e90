namespace PassBroker.Emulator.TestHooks;

/// <summary>The counters <c>GET /emulator/stats</c> reports.</summary>
internal sealed record EmulatorStats(
    int Registrations,
    IReadOnlyDictionary<string, int> TokensIssued,
    IReadOnlyDictionary<string, int> SignInPolls,
    IReadOnlyList<int> PreauthorizeResourceCounts,
    IReadOnlyList<int> AuthorizeResourceCounts,
    int MediaTokensIssued,
    int Logouts,
    int TempPassTrials,
    int TempPassResets,
    int Throttled429s,
    IReadOnlyDictionary<string, int> RegistrationsByServiceProvider,
    IReadOnlyDictionary<string, int> TempPassResetsByServiceProvider);
