namespace PassBroker.Core.Upstream;

/// <summary>Adobe error codes PassBroker reacts to specifically (the full list is in adobe-pass-v2.md section 8.3).</summary>
public static class UpstreamErrorCodes
{
    public const string InvalidAuthenticationSession = "invalid_authentication_session";
    public const string InvalidParameterCode = "invalid_parameter_code";
    public const string InvalidParameterMvpd = "invalid_parameter_mvpd";
    public const string InvalidIntegration = "invalid_integration";

    // OAuth-style DCR errors.
    public const string InvalidClient = "invalid_client";
    public const string InvalidSoftwareStatement = "invalid_software_statement";
    public const string UnapprovedSoftwareStatement = "unapproved_software_statement";

    /// <summary>True for the codes that mean "this code is unknown, expired or replaced".</summary>
    public static bool IsDeadSession(string code) => code is InvalidAuthenticationSession or InvalidParameterCode;
}
