namespace PassBroker.Emulator.Infrastructure;

/// <summary>Request header names as Adobe spells them; ASP.NET Core matches them case-insensitively.</summary>
internal static class AdobeHeaders
{
    public const string DeviceIdentifier = "AP-Device-Identifier";
    public const string DeviceInfo = "X-Device-Info";

    /// <summary>The [SPEC] spells it <c>AP-Temppass-Identity</c>; header names match case-insensitively.</summary>
    public const string TempPassIdentity = "AP-TempPass-Identity";
}
