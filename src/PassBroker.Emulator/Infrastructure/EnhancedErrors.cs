namespace PassBroker.Emulator.Infrastructure;

/// <summary>The enhanced errors the emulator produces (codes, statuses and actions from adobe-pass-v2.md section 8.3).</summary>
internal static class EnhancedErrors
{
    private const string HelpUrl =
        "https://experienceleague.adobe.com/en/docs/pass/authentication/integration-guide-programmers/standard-features/error-reporting/enhanced-error-codes";

    public static EnhancedError InvalidServiceProvider(string? serviceProvider) => BadRequest(
        "invalid_parameter_service_provider", $"The service provider '{serviceProvider}' is missing or unknown.");

    public static EnhancedError InvalidMvpd(string? mvpd) => BadRequest(
        "invalid_parameter_mvpd", $"The MVPD '{mvpd}' is missing or has no integration with this service provider.");

    public static EnhancedError InvalidRedirectUrl() => BadRequest(
        "invalid_parameter_redirect_url", "The redirectUrl parameter must be an absolute, URL-encoded URL.");

    public static EnhancedError InvalidDeviceIdentifier() => BadRequest(
        "invalid_header_device_identifier", "The AP-Device-Identifier header must be 'fingerprint <Base64 device id>'.");

    public static EnhancedError InvalidDeviceInfo() => BadRequest(
        "invalid_header_device_info", "The X-Device-Info header must be the Base64 encoding of a JSON object.");

    public static EnhancedError InvalidAuthenticationSession() => BadRequest(
        "invalid_authentication_session", "The authentication session is missing, expired or was replaced by a newer code.");

    public static EnhancedError InvalidResources(string message) => BadRequest("invalid_parameter_resources", message);

    public static EnhancedError TooManyResources(int count, int max) => Create(
        "configuration",
        StatusCodes.Status403Forbidden,
        "too_many_resources",
        $"The request lists {count} resources; this service provider allows at most {max} per call.");

    public static EnhancedError AuthenticatedProfileMissing(string mvpd) => Create(
        "authentication",
        StatusCodes.Status403Forbidden,
        "authenticated_profile_missing",
        $"No valid authenticated profile exists for MVPD '{mvpd}' on this device; the user must authenticate.");

    public static EnhancedError AuthenticatedProfileExpired(string mvpd) => Create(
        "authentication",
        StatusCodes.Status403Forbidden,
        "authenticated_profile_expired",
        $"The authenticated profile for MVPD '{mvpd}' on this device has expired; the user must authenticate again.");

    public static EnhancedError PreauthorizationDeniedByMvpd(string details) => Forbidden(
        "preauthorization_denied_by_mvpd",
        "The MVPD has returned a \"Deny\" decision when requesting preauthorization for the specified resource.",
        details);

    public static EnhancedError AuthorizationDeniedByMvpd(string details) => Forbidden(
        "authorization_denied_by_mvpd",
        "The MVPD has returned a \"Deny\" decision when requesting authorization for the specified resource.",
        details);

    public static EnhancedError AuthorizationDeniedByParentalControls() => Forbidden(
        "authorization_denied_by_parental_controls",
        "The MVPD has denied access to the specified resource because of the account's parental controls.",
        details: null);

    public static EnhancedError NetworkConnectionTimeout(string mvpd) => Create(
        "retry",
        StatusCodes.Status403Forbidden,
        "network_connection_timeout",
        $"The connection to MVPD '{mvpd}' timed out; retry the request for this resource.");

    public static EnhancedError TemporaryAccessDurationLimitExceeded(string mvpd) => Create(
        "authentication",
        StatusCodes.Status403Forbidden,
        "temporary_access_duration_limit_exceeded",
        $"The temporary access of '{mvpd}' has run out of time on this device or for this user; sign in with a TV provider.");

    public static EnhancedError TemporaryAccessResourcesLimitExceeded(string mvpd, int? max) => Create(
        "authentication",
        StatusCodes.Status403Forbidden,
        "temporary_access_resources_limit_exceeded",
        $"The temporary access of '{mvpd}' has used all {max} of its titles; sign in with a TV provider.");

    public static EnhancedError InvalidHeaderIdentityForTemporaryAccess(string identityKey) => BadRequest(
        "invalid_header_identity_for_temporary_access",
        $"The AP-TempPass-Identity header must be the Base64 encoding of a JSON object with a non-empty '{identityKey}' string.");

    public static EnhancedError InvalidConfigurationTemporaryAccess(string mvpd) => Create(
        "configuration",
        StatusCodes.Status500InternalServerError,
        "invalid_configuration_temporary_access",
        $"The TempPass MVPD '{mvpd}' has no temporary access configuration.");

    public static EnhancedError NotTempPassMvpd(string? mvpd, string reason) => BadRequest(
        "invalid_parameter_mvpd", $"The MVPD '{mvpd}' {reason}.");

    /// <summary>The management API's 403: the client must get new credentials. The code is the emulator's own.</summary>
    public static EnhancedError ClientNotAllowed() => Create(
        "application-registration",
        StatusCodes.Status403Forbidden,
        "client_application_not_allowed",
        "This client application is no longer allowed; register again for new client credentials, then get a new access token.");

    /// <summary>
    /// A valid token used on a service provider its client's registered application is not linked to. REST API v2's
    /// list has exactly this code: <c>invalid_access_token_service_provider</c>, 401, action <c>application-registration</c>,
    /// "The access token is invalid due to invalid service provider." (AdobeDocs/pass.en,
    /// help/authentication/integration-guide-programmers/features-standard/error-reporting/enhanced-error-codes.md).
    /// </summary>
    public static EnhancedError InvalidAccessTokenServiceProvider(string? serviceProvider) => Create(
        "application-registration",
        StatusCodes.Status401Unauthorized,
        "invalid_access_token_service_provider",
        $"The access token is invalid due to invalid service provider: its client application is not linked to '{serviceProvider}'.");

    public static EnhancedError InvalidAccessToken(string message) =>
        Create("application-registration", StatusCodes.Status401Unauthorized, "invalid_access_token_client_application", message);

    private static EnhancedError BadRequest(string code, string message) =>
        Create("none", StatusCodes.Status400BadRequest, code, message);

    private static EnhancedError Forbidden(string code, string message, string? details) =>
        Create("none", StatusCodes.Status403Forbidden, code, message, details);

    // A fresh trace per error, as Adobe's support id would be.
    private static EnhancedError Create(string action, int status, string code, string message, string? details = null) =>
        new(action, status, code, message, details, HelpUrl, RandomIds.NewOpaqueId());
}
