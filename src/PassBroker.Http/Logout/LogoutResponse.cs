namespace PassBroker.Http.Logout;

public sealed record LogoutResponse(IReadOnlyList<LogoutActionResponse> Logouts);
