using PassBroker.Core.Errors;
using PassBroker.Http.Pages;
using QRCoder;

namespace PassBroker.DevHost.SampleTv;

/// <summary>
/// The QR code of a sign-in's <c>secondScreenUrl</c>, as an SVG drawn by QRCoder (a maintained library: QR encoding is
/// not something to write by hand). A real TV draws the QR code on the device with its platform's library; a web page
/// has none built in, so the DevHost draws it for the sample, server-side, rather than ship a vendored script.
/// </summary>
internal static class SampleTvQrCode
{
    public const string FileName = "qr.svg";

    // Pixels per module: 8 draws a second-screen URL (33-37 modules with the quiet zone) at about 300 px, which a phone
    // reads from across a room; the page scales it further with CSS.
    private const int PixelsPerModule = 8;

    /// <summary>The QR code of <paramref name="url"/>, which must be one of this PassBroker's second-screen URLs.</summary>
    /// <exception cref="PassBrokerException">400 <c>validation_failed</c> (field <c>url</c>) for any other text.</exception>
    public static string Render(string? url, SecondScreenLinks secondScreen)
    {
        // Only URLs PassBroker itself hands out (a brand's link for a code's shape): a QR code served from this origin
        // must never lead anywhere but its own sign-in page.
        if (!secondScreen.IsLink(url))
        {
            throw PassBrokerException.Validation("url",
                "url must be the secondScreenUrl of a sign-in (POST /api/authentication/sessions) of this PassBroker.");
        }
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(PixelsPerModule);
    }
}
