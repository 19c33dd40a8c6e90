namespace PassBroker.Http;

/// <summary>
/// Every route, declared once: the DevHost maps these and the Functions app uses them in <c>[HttpTrigger(Route = …)]</c>
/// (its host.json sets an empty route prefix, so the paths are the same in both hosts).
/// </summary>
public static class Routes
{
    public const string Devices = "api/devices";
    public const string Mvpds = "api/mvpds";
    public const string Sessions = "api/authentication/sessions";
    public const string Session = "api/authentication/sessions/{code}";
    public const string Profiles = "api/profiles";
    public const string Preauthorize = "api/decisions/preauthorize";
    public const string Authorize = "api/decisions/authorize";
    public const string Logout = "api/logout";
    public const string TempPass = "api/temppass";
    public const string AdminTempPassReset = "api/admin/temppass/reset";
    public const string AdminDataKeysReseal = "api/admin/data-keys/reseal";
    public const string Health = "api/health";
    public const string Authn = "authn";
    public const string AuthnProvider = "authn/provider";
    public const string AuthnStylesheet = "authn/authn.css";
    public const string AuthnDone = "authn/done";
    public const string AuthnSignedOut = "authn/signed-out";

    public static string SessionPath(string code) => "/" + Session.Replace("{code}", Uri.EscapeDataString(code), StringComparison.Ordinal);
}
