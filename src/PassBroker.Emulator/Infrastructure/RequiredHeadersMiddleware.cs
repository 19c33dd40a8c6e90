using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing.Patterns;
using PassBroker.Emulator.Dcr;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>
/// Enforces <see cref="RequiredHeaders"/> on every route that has a row, before the handler runs: a missing or bad
/// token is Adobe's 401 (the access-token handler's challenge), a missing or bad device header the API's documented
/// 400: <c>invalid_header_device_identifier</c> / <c>invalid_header_device_info</c> on REST API V2, DCR's
/// <c>invalid_request</c> ("the request misses a required parameter"). <c>Content-Type</c> is left to the body
/// readers, which answer a body they cannot read with that body's own documented error (<c>invalid_parameter_resources</c>,
/// <c>invalid_request</c>) or, for sessions, as missing parameters.
/// </summary>
internal sealed class RequiredHeadersMiddleware(RequestDelegate next, ILogger<RequiredHeadersMiddleware> logger)
{
    // The table's row of each endpoint, looked up once: the emulator is the baseline of the load report, so its hot
    // path builds no template strings per request.
    private readonly ConcurrentDictionary<(RouteEndpoint, string), EndpointHeaders?> _rows = new();

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is not RouteEndpoint endpoint
            || _rows.GetOrAdd((endpoint, context.Request.Method), static key => RequiredHeaders.ForRoute(key.Item2, RouteOf(key.Item1.RoutePattern))) is not { } row)
        {
            await next(context);
            return;
        }

        if (row.Requires(AdobeHeaders.Authorization) && context.User.Identity?.IsAuthenticated != true)
        {
            await context.ChallengeAsync();
            return;
        }

        if (Check(row, context) is { } rejection)
        {
            await rejection.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private IResult? Check(EndpointHeaders row, HttpContext context)
    {
        var headers = context.Request.Headers;
        string? deviceId = null;
        if (row.Requires(AdobeHeaders.DeviceIdentifier) && !DeviceHeaders.TryParseDeviceIdentifier(headers[AdobeHeaders.DeviceIdentifier], out deviceId))
        {
            return Reject(row, EnhancedErrors.InvalidDeviceIdentifier());
        }

        if (!row.Requires(AdobeHeaders.DeviceInfo))
        {
            return null;
        }

        if (!DeviceHeaders.TryParseDeviceInfo(headers[AdobeHeaders.DeviceInfo], out var info))
        {
            return Reject(row, EnhancedErrors.InvalidDeviceInfo());
        }

        context.Features.Set(new RequestDevice(deviceId ?? "", info));
        return null;
    }

    private IResult Reject(EndpointHeaders row, EnhancedError error)
    {
        if (row.Api == AdobeApi.Dcr)
        {
            logger.DcrRequestRejected(OAuthError.InvalidRequest.Error);
            return AdobeResults.Json(OAuthError.InvalidRequest, StatusCodes.Status400BadRequest);
        }

        logger.RequiredHeaderRejected(row.Route, error.Code);
        return AdobeResults.Error(error);
    }

    // The template as RequiredHeaders spells it: "/api/v2/{serviceProvider}/sessions/{code}".
    private static string RouteOf(RoutePattern pattern) => "/" + string.Join('/', pattern.PathSegments.Select(segment =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        }))));
}
