using Microsoft.AspNetCore.Http.HttpResults;

namespace PassBroker.Emulator.TestHooks;

/// <summary>
/// Emulator-only endpoints for tests running out of process; in-process tests use <see cref="EmulatorState"/>
/// directly. Nothing here exists at Adobe.
/// </summary>
internal static class TestHooksApi
{
    public static RouteGroupBuilder MapTestHooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/emulator");

        group.MapGet("/health", GetHealth);
        group.MapGet("/stats", GetStats);
        group.MapGet("/sessions", ListSessions);
        group.MapPost("/sessions/{code}/expire", ExpireCode);
        group.MapGet("/temppass/trials", ListTempPassTrials);
        group.MapPost("/clients/{clientId}/revoke", RevokeClient);

        return group;
    }

    public static Ok<EmulatorHealth> GetHealth() => TypedResults.Ok(new EmulatorHealth("healthy"));

    public static Ok<EmulatorStats> GetStats(EmulatorState state, Faults.AdobeThrottle throttle) => TypedResults.Ok(new EmulatorStats(
        state.RegistrationCount,
        state.GetTokensIssuedByClient(),
        state.GetSignInPollsByCode(),
        state.GetPreauthorizeResourceCounts(),
        state.GetAuthorizeResourceCounts(),
        state.MediaTokensIssued,
        state.LogoutCount,
        state.TempPassTrialCount,
        state.TempPassResetCount,
        throttle.ThrottledCount,
        state.GetRegistrationsByServiceProvider(),
        state.GetTempPassResetsByServiceProvider()));

    /// <summary>Every session, or only one service provider's with <c>?serviceProvider=</c>.</summary>
    public static Ok<IReadOnlyList<EmulatorSessionInfo>> ListSessions(string? serviceProvider, EmulatorState state) =>
        TypedResults.Ok(OfServiceProvider(state.ListSessions(), s => s.ServiceProvider, serviceProvider));

    public static Results<NoContent, NotFound> ExpireCode(string code, EmulatorState state) =>
        state.ExpireCode(code) ? TypedResults.NoContent() : TypedResults.NotFound();

    /// <summary>Every TempPass trial, or only one service provider's with <c>?serviceProvider=</c>.</summary>
    public static Ok<IReadOnlyList<EmulatorTempPassTrial>> ListTempPassTrials(string? serviceProvider, EmulatorState state) =>
        TypedResults.Ok(OfServiceProvider(state.ListTempPassTrials(), t => t.ServiceProvider, serviceProvider));

    /// <summary>Makes the TempPass reset API answer 403 to the client's tokens (see <see cref="EmulatorState.RevokeClient"/>).</summary>
    public static Results<NoContent, NotFound> RevokeClient(string clientId, EmulatorState state) =>
        state.RevokeClient(clientId) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static IReadOnlyList<T> OfServiceProvider<T>(IReadOnlyList<T> items, Func<T, string> serviceProviderOf, string? serviceProvider) =>
        serviceProvider is null ? items : [.. items.Where(item => string.Equals(serviceProviderOf(item), serviceProvider, StringComparison.Ordinal))];
}
