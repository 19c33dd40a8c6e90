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

    public static EnhancedError InvalidAccessToken(string message) =>
        Create("application-registration", StatusCodes.Status401Unauthorized, "invalid_access_token_client_application", message);

    private static EnhancedError BadRequest(string code, string message) =>
        Create("none", StatusCodes.Status400BadRequest, code, message);

    private static EnhancedError Create(string action, int status, string code, string message) =>
        new(action, status, code, message, Details: null, HelpUrl, RandomIds.NewOpaqueId());
}
