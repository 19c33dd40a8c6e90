using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Errors;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Limits;

/// <summary>
/// A handler parameter whose binding is the check: the request counts against the registration limit
/// (<see cref="EdgeLimits.AdmitRegistration"/>) or ends as 429. Declared first, it runs before the body is even read:
/// every registration may create a DCR client at Adobe.
/// </summary>
public sealed class AdmittedRegistration : IEndpointParameterMetadataProvider
{
    // Carries nothing: one instance serves every request.
    private static readonly AdmittedRegistration Instance = new();

    private AdmittedRegistration()
    {
    }

    /// <summary>Minimal API binding: counts the registration, or throws the 429 when it is one too many.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<AdmittedRegistration?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        context.RequestServices.GetRequiredService<EdgeLimits>().AdmitRegistration(context);
        return ValueTask.FromResult<AdmittedRegistration?>(Instance);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.AddProblems(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
}
