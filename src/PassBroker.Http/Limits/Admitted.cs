using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PassBroker.Core.Errors;
using PassBroker.Http.OpenApi;

namespace PassBroker.Http.Limits;

/// <summary>
/// A handler parameter whose binding is the check: the request counts against one of <see cref="EdgeLimits"/>' limits
/// (<typeparamref name="TLimit"/>: <see cref="RegistrationLimit"/>, <see cref="SignInLimit"/>) or ends as 429. Minimal
/// APIs bind in declaration order, so where the parameter stands decides what runs before the count; each limit says
/// where its parameter goes.
/// </summary>
/// <typeparam name="TLimit">The limit counted.</typeparam>
public sealed class Admitted<TLimit> : IEndpointParameterMetadataProvider
    where TLimit : IEdgeLimit
{
    // Carries nothing: one instance per limit serves every request.
    private static readonly Admitted<TLimit> Instance = new();

    private Admitted()
    {
    }

    /// <summary>Minimal API binding: counts the request, or throws the 429 when it is one too many.</summary>
    /// <param name="context">The request.</param>
    /// <param name="parameter">The handler's parameter (unused).</param>
    public static ValueTask<Admitted<TLimit>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        TLimit.Admit(context.RequestServices.GetRequiredService<EdgeLimits>(), context);
        return ValueTask.FromResult<Admitted<TLimit>?>(Instance);
    }

    /// <inheritdoc />
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.AddProblems(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited);
}
