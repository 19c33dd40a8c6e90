namespace PassBroker.Emulator.TestHooks;

/// <summary>The body of <c>GET /emulator/health</c>.</summary>
internal sealed record EmulatorHealth(string Status);
