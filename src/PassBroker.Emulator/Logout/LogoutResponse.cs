namespace PassBroker.Emulator.Logout;

/// <summary>OpenAPI <c>LogoutResponse</c>: what to do next, per MVPD whose profile the call handled.</summary>
internal sealed record LogoutResponse(IReadOnlyDictionary<string, MvpdLogoutResponse> Logouts);
