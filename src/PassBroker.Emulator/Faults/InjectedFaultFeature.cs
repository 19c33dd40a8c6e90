namespace PassBroker.Emulator.Faults;

/// <summary>
/// Set on a request whose answer the fault layer wrote itself (Adobe's throttle or an injected fault), not an emulated
/// Adobe API: a recorder checking exchanges against Adobe's contract leaves these out. Injected latency is not marked,
/// since the API still answers.
/// </summary>
/// <param name="Kind">What was injected: <c>throttled</c> or a <see cref="FaultKind"/>.</param>
public sealed record InjectedFaultFeature(string Kind);
