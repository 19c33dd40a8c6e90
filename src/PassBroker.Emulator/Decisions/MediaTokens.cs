using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using PassBroker.Emulator.Infrastructure;
using PassBroker.Emulator.State;

namespace PassBroker.Emulator.Decisions;

/// <summary>
/// Builds look-alike media tokens: Base64 of text starting with <c>&lt;signatureInfo&gt;</c>, like Adobe's short media
/// token (adobe-pass-v2.md section 5.2). The signature is random bytes, so only the emulator could "verify" one; clients
/// must treat it as opaque anyway. A fresh nonce makes every token unique, which lets tests catch token caching.
/// </summary>
internal static class MediaTokens
{
    private const int SignatureBytes = 64;

    public static MediaTokenResponse Issue(
        string serviceProvider, string mvpd, string resource, DateTimeOffset notBefore, TimeSpan lifetime)
    {
        var notAfter = notBefore + lifetime;
        var text = string.Create(CultureInfo.InvariantCulture, $"""
            <signatureInfo>{Convert.ToBase64String(RandomNumberGenerator.GetBytes(SignatureBytes))}</signatureInfo><authToken><sessionGUID>{RandomIds.NewOpaqueId()}</sessionGUID><requestorID>{Escape(serviceProvider)}</requestorID><resourceID>{Escape(resource)}</resourceID><ttl>{(long)lifetime.TotalMilliseconds}</ttl><issueTime>{notBefore.UtcDateTime:yyyy-MM-dd HH:mm:ss} -0000</issueTime><notAfter>{notAfter.ToUnixTimeMilliseconds()}</notAfter><mvpdId>{Escape(mvpd)}</mvpdId></authToken>
            """);

        return new MediaTokenResponse(
            notBefore.ToUnixTimeMilliseconds(),
            notAfter.ToUnixTimeMilliseconds(),
            Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Issues a token for an authorize permit and records it for tests.</summary>
    public static MediaTokenResponse IssueAndRecord(
        EmulatorServices services, DeviceKey device, string mvpd, string resource, DateTimeOffset now)
    {
        var settings = services.Settings;
        var token = Issue(device.ServiceProvider, mvpd, resource, now, settings.MediaTokenLifetime);
        services.State.RecordMediaToken(new EmulatorMediaToken(
            device.ServiceProvider,
            device.ClientId,
            device.DeviceId,
            mvpd,
            resource,
            token.SerializedToken,
            DateTimeOffset.FromUnixTimeMilliseconds(token.NotBefore),
            DateTimeOffset.FromUnixTimeMilliseconds(token.NotAfter)), settings.MaxRecordedMediaTokens);
        return token;
    }

    // Resource ids may be MRSS documents; escaping keeps the token text well-formed.
    private static string Escape(string value) => SecurityElement.Escape(value);
}
