namespace PassBroker.Emulator.Infrastructure;

/// <summary>Request header names as Adobe spells them; ASP.NET Core matches them case-insensitively.</summary>
public static class AdobeHeaders
{
    public const string Authorization = "Authorization";
    public const string ContentType = "Content-Type";
    public const string DeviceIdentifier = "AP-Device-Identifier";
    public const string DeviceInfo = "X-Device-Info";
    public const string ForwardedFor = "X-Forwarded-For";

    /// <summary>The [SPEC] spells it <c>AP-Temppass-Identity</c>; header names match case-insensitively.</summary>
    public const string TempPassIdentity = "AP-TempPass-Identity";
}
