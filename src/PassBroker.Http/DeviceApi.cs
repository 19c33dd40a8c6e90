namespace PassBroker.Http;

/// <summary>
/// The device API's group (<c>MapGroup</c> in <c>MapPassBroker</c>): its routes are mapped below <see cref="Prefix"/>
/// by <see cref="Below"/>, so each endpoint's template stays its <see cref="Routes"/> constant (a group of "" would
/// give it a leading slash, in <c>http.route</c>, the log line and the Functions surface's keys). Not in
/// <see cref="Routes"/>: every constant there is a route a function serves.
/// </summary>
public static class DeviceApi
{
    public const string Prefix = "api";

    /// <summary>A route of <see cref="Routes"/> relative to <see cref="Prefix"/>: <c>api/devices</c> becomes <c>devices</c>.</summary>
    /// <param name="route">A <see cref="Routes"/> constant that starts with <c>api/</c>.</param>
    public static string Below(string route) => route.StartsWith(Prefix + "/", StringComparison.Ordinal)
        ? route[(Prefix.Length + 1)..]
        : throw new ArgumentException($"{route} is not below {Prefix}/.", nameof(route));
}
