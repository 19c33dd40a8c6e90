using System.Text.Encodings.Web;

namespace PassBroker.Emulator.Infrastructure;

/// <summary>The small HTML pages a browser sees: the authenticate errors and the emulated MVPD login.</summary>
internal static class HtmlPage
{
    /// <summary>Encodes text for HTML element content and quoted attribute values; everything echoed goes through it.</summary>
    public static string Encode(string? text) => HtmlEncoder.Default.Encode(text ?? "");

    /// <param name="encodedTitle">Already encoded.</param>
    /// <param name="bodyHtml">Already encoded markup.</param>
    public static string Render(string encodedTitle, string bodyHtml) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{encodedTitle}}</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; }
        label, input, button { display: block; width: 100%; box-sizing: border-box; }
        input { margin: 0.25rem 0 1rem; padding: 0.5rem; font-size: 1rem; }
        button { padding: 0.6rem; font-size: 1rem; }
        [role=alert] { border: 2px solid #b00020; padding: 0.5rem; color: #b00020; }
        </style>
        </head>
        <body>
        <main>
        {{bodyHtml}}
        </main>
        </body>
        </html>
        """;

    /// <summary>An error page with Adobe's error code, as the authenticate endpoint answers in <c>text/html</c>.</summary>
    public static string Error(string code, string message) => Render(
        "Authentication error",
        $"""
        <h1>Authentication error</h1>
        <p role="alert"><strong>{Encode(code)}</strong>: {Encode(message)}</p>
        """);
}
