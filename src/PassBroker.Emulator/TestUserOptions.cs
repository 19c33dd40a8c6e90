namespace PassBroker.Emulator;

/// <summary>A subscriber the emulated MVPD login form accepts, and the user metadata its profile carries.</summary>
public sealed class TestUserOptions
{
    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The <c>userID</c> attribute, which every profile carries; the username when empty.</summary>
    public string? UserId { get; set; }

    /// <summary>MVPD ids this user subscribes to; empty means every MVPD.</summary>
    public List<string> Mvpds { get; } = [];

    /// <summary>Single-valued user metadata, emitted as JSON strings (e.g. <c>householdID</c>).</summary>
    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>List-valued user metadata, emitted as JSON arrays (e.g. <c>zip</c>, an array when plain).</summary>
    public Dictionary<string, List<string>> ListAttributes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// What the emulated MVPD decides per resource id (exact match):
    /// <c>permit</c> (also every unlisted resource), <c>deny</c>, <c>parental</c>, <c>timeout</c>, or
    /// <c>timeout-once</c> / <c>timeout-N</c> (time out on the first N requests of each login, then permit).
    /// </summary>
    public Dictionary<string, string> Entitlements { get; } = new(StringComparer.Ordinal);

    internal bool Subscribes(string mvpd) => Mvpds.Count == 0 || Mvpds.Contains(mvpd, StringComparer.Ordinal);
}
