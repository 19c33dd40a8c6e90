namespace PassBroker.Emulator.Infrastructure;

internal static class AbsoluteUrl
{
    /// <summary>
    /// True for a URL a browser can be sent to: absolute, any scheme (apps use custom ones), but not a file path.
    /// On Unix <see cref="Uri"/> reads "/path" as an absolute file URI, hence the explicit check.
    /// </summary>
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc;

    /// <summary>True for an absolute http or https URL, the only kind the emulated logout pages redirect to.</summary>
    public static bool IsHttp(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
