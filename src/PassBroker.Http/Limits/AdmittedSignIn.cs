using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Errors;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Limits;

/// <summary>
/// A handler parameter whose binding is the check: the request counts against the sign-in limit
/// (<see cref="EdgeLimits.AdmitSignIn"/>) or ends as 429. Declared after the device (a stranger's request starts
/// nothing) and before the body, as before: each start polls Adobe for up to <c>SignIn:MaxDuration</c>.
/// </summary>
public sealed class AdmittedSignIn : IEndpointParameterMetadataProvider
{
    // Carries nothing: one instance serves every request.
    private static readonly AdmittedSignIn Instance = new();

    private AdmittedSignIn()
    {
    }

    /// <summary>Minimal API binding: counts the sign-in start, or throws the 429 when it is one too many.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<AdmittedSignIn?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        context.RequestServices.GetRequiredService<EdgeLimits>().AdmitSignIn(context);
        return ValueTask.FromResult<AdmittedSignIn?>(Instance);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.AddProblems(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
}
