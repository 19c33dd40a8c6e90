using Microsoft.AspNetCore.Http;

namespace PassBroker.Http.Limits;

/// <summary>One of <see cref="EdgeLimits"/>' limits, as the type argument of a handler's <see cref="Admitted{TLimit}"/>.</summary>
public interface IEdgeLimit
{
    /// <summary>Counts the request; throws the 429 when it is one too many.</summary>
    /// <param name="limits">The instance's limits.</param>
    /// <param name="context">The request.</param>
    static abstract void Admit(EdgeLimits limits, HttpContext context);
}

/// <summary>
/// Device registrations (<see cref="EdgeLimits.AdmitRegistration"/>). Declared first, so the count comes before the body
/// is even read: every registration may create a DCR client at Adobe.
/// </summary>
public sealed class RegistrationLimit : IEdgeLimit
{
    private RegistrationLimit()
    {
    }

    /// <inheritdoc />
    public static void Admit(EdgeLimits limits, HttpContext context) => limits.AdmitRegistration(context);
}

/// <summary>
/// Sign-in starts (<see cref="EdgeLimits.AdmitSignIn"/>). Declared after the device (a stranger's request starts
/// nothing) and before the body: each start polls Adobe for up to <c>SignIn:MaxDuration</c>.
/// </summary>
public sealed class SignInLimit : IEdgeLimit
{
    private SignInLimit()
    {
    }

    /// <inheritdoc />
    public static void Admit(EdgeLimits limits, HttpContext context) => limits.AdmitSignIn(context);
}
