namespace PassBroker.Integration.Tests.Walkthrough;

/// <summary>One request of a <c>.http</c> file, as written (variables not yet replaced).</summary>
/// <param name="Title">The text after <c>###</c>, e.g. "1. Register the device ...".</param>
/// <param name="Name">The <c># @name</c> later requests refer to, if any.</param>
/// <param name="Method">The request line's method.</param>
/// <param name="Url">The request line's URL.</param>
/// <param name="Headers">The header lines, in order.</param>
/// <param name="Body">The body, trimmed; null when there is none.</param>
/// <param name="Expected">The status the file promises in its <c># expect: NNN</c> line.</param>
/// <param name="ExpectedText">What that line promises the answer contains, after the status (e.g. <c>"decision": "deny"</c>).</param>
public sealed record HttpFileRequest(
    string Title, string? Name, string Method, string Url, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body,
    int? Expected, string? ExpectedText)
{
    /// <summary>The step number the title starts with ("12." → "12"), or the whole title when it has none.</summary>
    public string Step => Title.Split('.', 2) is [var number, _] && number.All(char.IsAsciiLetterOrDigit) ? number : Title;
}
