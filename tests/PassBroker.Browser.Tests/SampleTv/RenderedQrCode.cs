using Microsoft.Playwright;
using ZXing;
using ZXing.Common;

namespace PassBroker.Browser.Tests.SampleTv;

/// <summary>
/// Reads a QR code the way a phone camera reads the TV: from the pixels the browser drew, decoded by ZXing (an
/// independent decoder, not the library that drew it). So a test sees what a person would scan, not what the server
/// meant to send.
/// </summary>
internal static class RenderedQrCode
{
    // Draws the loaded image onto a canvas at its own size and hands back its RGBA pixels, Base64-encoded.
    private const string ReadPixels = """
        img => {
          const canvas = document.createElement('canvas');
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const context = canvas.getContext('2d');
          context.drawImage(img, 0, 0);
          const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
          let binary = '';
          for (let i = 0; i < data.length; i += 0x8000) {
            binary += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
          }
          return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
        }
        """;

    /// <returns>The text the QR code in <paramref name="image"/> holds, or null when no QR code can be read there.</returns>
    public static async Task<string?> ReadAsync(ILocator image)
    {
        await Assertions.Expect(image).ToHaveJSPropertyAsync("complete", true);
        var pixels = await image.EvaluateAsync<Pixels>(ReadPixels);
        Assert.True(pixels.Width > 0 && pixels.Height > 0, "The QR code image did not load.");
        var source = new RGBLuminanceSource(Convert.FromBase64String(pixels.Rgba), pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new BarcodeReaderGeneric
        {
            Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], PureBarcode = false, TryHarder = true },
        };
        return reader.Decode(source)?.Text;
    }

    // Playwright fills the answer's properties by name, so it needs a parameterless constructor.
    private sealed class Pixels
    {
        public int Width { get; set; }
        public int Height { get; set; }
        public string Rgba { get; set; } = "";
    }
}
