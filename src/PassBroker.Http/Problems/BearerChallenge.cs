using PassBroker.Core.Errors;
using PassBroker.Http.Admin;

namespace PassBroker.Http.Problems;

/// <summary>
/// The <c>WWW-Authenticate</c> a 401 must carry (RFC 9110 §15.5.2; for bearer tokens RFC 6750 §3): it names the scheme
/// the caller should use and, when a token was sent and refused, <c>error="invalid_token"</c>. A request with no
/// credential gets no error attribute (RFC 6750 §3.1). The realm tells the two credentials apart: a device token for the
/// device routes, the operators' key for the admin routes.
/// </summary>
public static class BearerChallenge
{
    public const string DevicesRealm = "devices";
    public const string AdminRealm = "admin";

    /// <summary>The challenge for a 401 with this code; null for any other answer.</summary>
    /// <param name="status">The answer's status.</param>
    /// <param name="code">The problem's stable code.</param>
    public static string? For(int status, string code) => status != 401 ? null : code switch
    {
        ErrorCodes.MissingDeviceToken => Challenge(DevicesRealm, refused: false),
        AdminAuthentication.MissingCode => Challenge(AdminRealm, refused: false),
        AdminAuthentication.InvalidCode => Challenge(AdminRealm, refused: true),
        _ => Challenge(DevicesRealm, refused: true),
    };

    private static string Challenge(string realm, bool refused) =>
        refused ? $"Bearer realm=\"{realm}\", error=\"invalid_token\"" : $"Bearer realm=\"{realm}\"";
}
