namespace PassBroker.Emulator.Infrastructure;

internal static class AbsoluteUrl
{
    /// <summary>
    /// True for a URL a browser can be sent to: absolute, any scheme (apps use custom ones), but not a file path.
    /// On Unix <see cref="Uri"/> reads "/path" as an absolute file URI, hence the explicit check.
    /// </summary>
    public static bool IsValid(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile && !uri.IsUnc;
}
