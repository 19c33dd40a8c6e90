namespace PassBroker.AdobePass.Headers;

/// <summary>Header names, spelled as Adobe's documentation spells them (HTTP compares them case-insensitively).</summary>
public static class AdobeHeaders
{
    public const string DeviceIdentifier = "AP-Device-Identifier";
    public const string DeviceInfo = "X-Device-Info";
    public const string ForwardedFor = "X-Forwarded-For";
    public const string TempPassIdentity = "AP-TempPass-Identity";
}
