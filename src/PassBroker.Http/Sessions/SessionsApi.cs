using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;
using PassBroker.Core.Errors;
using PassBroker.Core.Profiles;
using PassBroker.Core.Retention;
using PassBroker.Core.Sessions;
using PassBroker.Http.Binding;
using PassBroker.Http.Limits;
using PassBroker.Http.OpenApi;
using PassBroker.Http.Pages;

namespace PassBroker.Http.Sessions;

public static class SessionsApi
{
    /// <param name="api">The device API's group (<see cref="DeviceApi"/>).</param>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder api)
    {
        var sessions = api.MapGroup("").WithTags("Authentication");
        sessions.MapPost(DeviceApi.Below(Routes.Sessions), StartAsync).WithName("StartSignIn")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.UnknownMvpd)
            .Problems(StatusCodes.Status409Conflict, ErrorCodes.ConcurrencyConflict)
            .CallsAdobePass();
        sessions.MapGet(DeviceApi.Below(Routes.Session), GetAsync).WithName("GetSignIn")
            .Problems(StatusCodes.Status400BadRequest, ErrorCodes.InvalidSessionCode, ErrorCodes.ValidationFailed)
            .Problems(StatusCodes.Status404NotFound, ErrorCodes.SessionNotFound)
            .Problems(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyWaits)
            .QueryParameter("wait", JsonSchemaType.Integer, "Seconds (0-30) to hold the answer while the sign-in is pending; it returns as soon as the status changes. A device may hold only a few such waits at once (SignIn:MaxWaitsPerDevice).");
        return api;
    }

    /// <summary>Starts a sign-in: 202 with the code while the user has to log in, 200 when Adobe says none is needed.</summary>
    /// <remarks>Show <c>code</c> on the TV and <c>secondScreenUrl</c> as a QR code, then long-poll <c>statusUrl</c>. Without
    /// <c>mvpd</c> the user picks the provider on the second screen. A new sign-in replaces the device's pending one.</remarks>
    public static async Task<Results<Accepted<SessionResponse>, Ok<SessionResponse>>> StartAsync(
        AuthenticatedDevice device, Admitted<SignInLimit> admitted, OptionalJsonRequest<StartSessionRequest> body, RemoteClient client,
        SignInService signIns, SecondScreenLinks secondScreen, CancellationToken cancellationToken)
    {
        // Bound in this order: admitted counted the start after authentication (a stranger's request starts nothing) and
        // before the body was read or Adobe asked: each start polls Adobe for up to SignIn:MaxDuration.
        var start = await signIns.StartAsync(device.Record, body.Value?.Mvpd, client.Endpoint, cancellationToken);
        var response = start.ToResponse();
        if (response.Code is { } code)
        {
            response = response with { SecondScreenUrl = secondScreen.For(device.Record.Brand, code) };
        }
        return start.NeedsUserLogin ? TypedResults.Accepted(response.StatusUrl, response) : TypedResults.Ok(response);
    }

    /// <summary>How the device's sign-in stands; <c>?wait=N</c> holds the answer up to N seconds while it is pending.</summary>
    /// <remarks><c>pending</c> until the user has logged in at the MVPD, then <c>authenticated</c> with the profile; <c>expired</c> or
    /// <c>failed</c> end it (start again for a new code).</remarks>
    public static async Task<Ok<SessionResponse>> GetAsync(
        AuthenticatedDevice device, string code, HttpRequest request, SignInService signIns, UserMetadataDecryption metadata,
        SessionProfileRelease profiles, CancellationToken cancellationToken)
    {
        var session = await signIns.GetAsync(device.Record.DeviceKey, code, ParseWait(request), cancellationToken);
        // This answer delivers the profile: the session row keeps it no longer (GET /api/profiles serves it from now on).
        await profiles.DeliveredAsync(session, cancellationToken);
        if (session.Profile is { } profile)
        {
            session = session with { Profile = await metadata.DecryptAsync(device.Record.Brand, profile, cancellationToken) };
        }
        return TypedResults.Ok(session.ToResponse());
    }

    private static TimeSpan ParseWait(HttpRequest request)
    {
        var values = request.Query["wait"];
        if (values.Count == 0)
        {
            return TimeSpan.Zero;
        }
        return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw PassBrokerException.Validation("wait", "wait is a whole number of seconds.");
    }
}
