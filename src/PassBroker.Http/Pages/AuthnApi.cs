using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using PassBroker.Core.Errors;
using PassBroker.Core.SecondScreen;
using PassBroker.Core.Upstream;
using PassBroker.Http.Edge;
using PassBroker.Http.Pages.Branding;

namespace PassBroker.Http.Pages;

/// <summary>
/// The second-screen sign-in (<c>GET/POST /authn</c>, <c>POST /authn/provider</c>): plain HTML forms that work
/// without JavaScript. Bad input gets a page with a 4xx status, never Problem Details: a person is reading.
/// </summary>
/// <remarks>
/// No antiforgery token: the forms carry no ambient authority. There is no cookie, session or login on this origin, so
/// a forged POST can do nothing its author could not do by posting the same code directly. What a cross-site page
/// could still gain is the victims' IPs to spread code guesses over; browsers say where a request comes from
/// (<c>Sec-Fetch-Site</c>), so cross-site posts are refused.
/// </remarks>
public static class AuthnApi
{
    private static readonly FormOptions FormLimits = new()
    {
        BufferBody = false,
        ValueCountLimit = 8,
        KeyLengthLimit = 32,
        ValueLengthLimit = 256,
        MultipartBodyLengthLimit = 4096,
    };

    public static IEndpointRouteBuilder MapAuthnPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Routes.Authn, Show).ExcludeFromDescription();
        routes.MapPost(Routes.Authn, EnterCodeAsync).ExcludeFromDescription();
        routes.MapPost(Routes.AuthnProvider, ChooseProviderAsync).ExcludeFromDescription();
        routes.MapGet(Routes.AuthnStylesheet, BrandStylesheet.Serve).ExcludeFromDescription();
        return routes;
    }

    /// <summary>The code form; <c>?code=</c> (the TV's QR code) prefills it but checks nothing: a GET changes nothing.
    /// <c>?brand=</c> gives it the brand's look, and the form looks the code up under that brand alone.</summary>
    public static IResult Show(HttpRequest request, BrandLooks looks) =>
        HtmlPage.Result(AuthnPages.CodeForm(looks.ForRequest(request), TypedCodes.Normalize(request.Query["code"].FirstOrDefault()), error: null));

    public static Task<IResult> EnterCodeAsync(HttpRequest request, SecondScreenService secondScreen, CodeEntryGuard guard, BrandLooks looks) =>
        HandleAsync(request, guard, looks, async (form, look, browser, ct) =>
        {
            var typed = form["code"].FirstOrDefault();
            if (string.IsNullOrWhiteSpace(typed))
            {
                return Page(AuthnPages.CodeForm(look, null, "Enter the code shown on your TV."), StatusCodes.Status400BadRequest);
            }
            if (TypedCodes.Normalize(typed) is null)
            {
                return Page(AuthnPages.CodeForm(look, typed, "A code has only letters and digits. Check the code on your TV and try again."),
                    StatusCodes.Status400BadRequest);
            }
            var step = await secondScreen.EnterCodeAsync(typed, looks.BrandOf(BrandLooks.Named(request)), browser, ct);
            return Render(guard.Observe(step, request.HttpContext), typed, step.Brand is null ? look : looks.Of(step.Brand));
        });

    public static Task<IResult> ChooseProviderAsync(HttpRequest request, SecondScreenService secondScreen, CodeEntryGuard guard, BrandLooks looks) =>
        HandleAsync(request, guard, looks, async (form, look, browser, ct) =>
        {
            var typed = form["code"].FirstOrDefault();
            var step = await secondScreen.ChooseMvpdAsync(typed, looks.BrandOf(BrandLooks.Named(request)), form["mvpd"].FirstOrDefault(), browser, ct);
            return Render(guard.Observe(step, request.HttpContext), typed, step.Brand is null ? look : looks.Of(step.Brand));
        });

    private static IResult Render(SecondScreenStep step, string? typed, BrandLook look) => step.Outcome switch
    {
        SecondScreenOutcome.ChooseMvpd => HtmlPage.Result(policy => AuthnPages.Picker(look, step.Code!, step.Mvpds!, policy, error: null)),
        SecondScreenOutcome.UnknownMvpd => HtmlPage.Result(policy => AuthnPages.Picker(look, step.Code!, step.Mvpds!, policy, "Pick one of the providers below."),
            StatusCodes.Status400BadRequest),
        // A page, not a redirect: the forms may only go to this origin (AuthnPagePolicy).
        SecondScreenOutcome.Authenticate => Page(AuthnPages.Continue(look, step.AuthenticateUrl!)),
        SecondScreenOutcome.AlreadySignedIn => Page(AuthnPages.Message(look, "Already signed in", "Your TV is already signed in",
            "Your provider says this TV is already signed in with it. Go back to your TV; if it still asks you to sign in, start again there.")),
        // Says nothing of the brands, or how many: only that the TV's own link is needed.
        SecondScreenOutcome.AmbiguousCode => Page(AuthnPages.Message(look, "Use your TV's link", "Open the link your TV shows",
            "We need the web address your TV shows (or its QR code) to use this code. Open it on this phone or computer, then enter the code there."),
            StatusCodes.Status400BadRequest),
        _ => Page(AuthnPages.CodeForm(look, TypedCodes.Normalize(typed) ?? typed, AuthnPages.InvalidCodeMessage), StatusCodes.Status400BadRequest),
    };

    // The look until the code's device is known: the link's.
    private static async Task<IResult> HandleAsync(HttpRequest request, CodeEntryGuard guard, BrandLooks looks,
        Func<IFormCollection, BrandLook, Core.Devices.ClientEndpoint, CancellationToken, Task<IResult>> handle)
    {
        var look = looks.ForRequest(request);
        if (request.Headers["Sec-Fetch-Site"] == "cross-site")
        {
            return Page(AuthnPages.Message(look, "Not allowed", "Please use this site's own form",
                "This sign-in form was sent from another website. Open the sign-in page yourself and enter the code there.", tryAgainLink: true),
                StatusCodes.Status403Forbidden);
        }
        var browser = ClientEndpoints.From(request.HttpContext);
        if (guard.TryEnter(request.HttpContext) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Page(AuthnPages.Message(look, "Too many tries", "Too many tries",
                $"You've entered too many codes. Please wait {seconds} seconds, then try again.", tryAgainLink: true),
                StatusCodes.Status429TooManyRequests);
        }
        if (await ReadFormAsync(request) is not { } form)
        {
            return Page(AuthnPages.CodeForm(look, null, "Something went wrong sending the form. Please enter your code again."),
                StatusCodes.Status400BadRequest);
        }
        try
        {
            return await handle(form, look, browser, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is AdobePassException or StoreUnavailableException)
        {
            guard.Logger.SecondScreenDependencyFailed(e.GetType().Name, e.Message);
            request.HttpContext.Response.Headers.RetryAfter = "30";
            return Page(AuthnPages.Message(look, "Try again soon", "We can't sign you in right now",
                "The sign-in service isn't answering. Please try again in a minute.", tryAgainLink: true),
                StatusCodes.Status503ServiceUnavailable);
        }
    }

    // Only url-encoded forms, small ones: the page's forms have two short fields.
    private static async Task<IFormCollection?> ReadFormAsync(HttpRequest request)
    {
        if (!request.HasFormContentType || request.ContentLength > FormLimits.MultipartBodyLengthLimit)
        {
            return null;
        }
        try
        {
            return await request.ReadFormAsync(FormLimits, request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => HtmlPage.Result(html, status);
}
