using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Secrets;
using PassBroker.Http.Edge;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Admin;

/// <summary>
/// Admin routes take the operators' key, never a device token: a device must not reset anyone's trial, its own
/// included. The key is compared in constant time.
/// </summary>
public static class AdminAuthentication
{
    public const string MissingCode = "missing_admin_credential";
    public const string InvalidCode = "invalid_admin_credential";
    public const string DeviceTokenCode = "device_token_not_allowed";

    public static async Task RequireAdminAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var services = request.HttpContext.RequestServices;
        var header = request.Headers[HeaderNames.Authorization].ToString().Trim();
        if (header.Length == 0)
        {
            throw Refused(request.HttpContext, new PassBrokerException(401, MissingCode, "An admin credential is required.", "Send 'Authorization: Bearer <admin key>'."));
        }
        var presented = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        if (DeviceTokens.TryParse(presented, out _, out _))
        {
            throw Refused(request.HttpContext, new PassBrokerException(403, DeviceTokenCode, "Device tokens cannot call admin routes.", "Use the admin credential."));
        }
        var secretName = services.GetRequiredService<IOptions<AdminOptions>>().Value.ApiKeySecret;
        var expected = await services.GetRequiredService<ISecretStore>().GetAsync(secretName, cancellationToken);
        if (expected is not { Length: >= AdminOptions.MinimumKeyLength })
        {
            // No usable key configured: nobody is admin. Said in the log for the operators, not to the caller.
            services.GetRequiredService<ILogger<AdminOptions>>().AdminKeyUnusable(secretName, AdminOptions.MinimumKeyLength);
            throw new PassBrokerException(401, InvalidCode, "The admin credential is not valid.");
        }
        if (!CryptographicOperations.FixedTimeEquals(Digest(presented), Digest(expected)))
        {
            throw Refused(request.HttpContext, new PassBrokerException(401, InvalidCode, "The admin credential is not valid."));
        }
    }

    // A caller's credential refused: a security event (key guessing shows as a rate of these), never with what was sent.
    // Not for an unusable configured key: that is the operators' fault, logged as such above.
    private static PassBrokerException Refused(HttpContext context, PassBrokerException refusal)
    {
        var services = context.RequestServices;
        services.GetRequiredService<SecurityEvents>().AdminCredentialRefused(services.GetRequiredService<ClientAddressGroups>().Of(context), refusal.Code);
        return refusal;
    }

    // Digests of equal length, so the comparison time does not depend on the key's length either.
    private static byte[] Digest(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));
}
