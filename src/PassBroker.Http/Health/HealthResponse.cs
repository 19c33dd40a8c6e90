namespace PassBroker.Http.Health;

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, string> Checks);
