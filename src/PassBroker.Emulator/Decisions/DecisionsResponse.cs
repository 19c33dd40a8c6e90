namespace PassBroker.Emulator.Decisions;

/// <summary>OpenAPI <c>DecisionsResponse</c>: one decision per requested resource, in request order.</summary>
internal sealed record DecisionsResponse(IReadOnlyList<DecisionResponse> Decisions);
