namespace PassBroker.Http.Decisions;

/// <summary>Informative decisions for catalogue filtering. Never grants playback: call authorize before every play.</summary>
public sealed record PreauthorizeResponse(string Mvpd, IReadOnlyList<DecisionResponse> Decisions);
