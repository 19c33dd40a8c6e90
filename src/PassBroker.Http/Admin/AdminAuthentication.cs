using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PassBroker.Core.Brands;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;
using PassBroker.Core.Secrets;
using PassBroker.Http.Edge;
using PassBroker.Http.Telemetry;

namespace PassBroker.Http.Admin;

/// <summary>
/// Admin routes take the operators' key, never a device token: a device must not reset anyone's trial, its own
/// included. Every configured key is compared, each in constant time. A key may be limited to brands
/// (<see cref="AdminOptions.Keys"/>): a route then checks the brand it acts for (<see cref="RequireBrand"/>), or, when it
/// acts on every brand (re-sealing), that the key is for all of them.
/// </summary>
public static class AdminAuthentication
{
    public const string MissingCode = "missing_admin_credential";
    public const string InvalidCode = "invalid_admin_credential";
    public const string DeviceTokenCode = "device_token_not_allowed";
    public const string BrandNotAllowedCode = "admin_brand_not_allowed";

    /// <summary>Requires one of the configured admin keys; returns it, for the route to check its brands.</summary>
    /// <param name="request">The admin request.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<AdminKeyOptions> RequireAdminAsync(HttpRequest request, CancellationToken cancellationToken)
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
        var admin = services.GetRequiredService<IOptions<AdminOptions>>().Value;
        var keys = new List<AdminKeyOptions>(admin.Keys.Count + 1) { new() { Secret = admin.ApiKeySecret } };
        keys.AddRange(admin.Keys);
        var digest = Digest(presented);
        AdminKeyOptions? matched = null;
        var unusable = new List<string>();
        var secrets = services.GetRequiredService<ISecretStore>();
        foreach (var key in keys)
        {
            var expected = await secrets.GetAsync(key.Secret, cancellationToken);
            if (expected is not { Length: >= AdminOptions.MinimumKeyLength })
            {
                unusable.Add(key.Secret);
            }
            // Every key is compared, whichever matches: the time taken says nothing about which one did.
            else if (CryptographicOperations.FixedTimeEquals(digest, Digest(expected)) && matched is null)
            {
                matched = key;
            }
        }
        if (matched is null)
        {
            // An unusable configured key is the operators' fault: said in the log for them, not to the caller.
            var logger = services.GetRequiredService<ILogger<AdminOptions>>();
            unusable.ForEach(secret => logger.AdminKeyUnusable(secret, AdminOptions.MinimumKeyLength));
            var refusal = new PassBrokerException(401, InvalidCode, "The admin credential is not valid.");
            throw unusable.Count == keys.Count ? refusal : Refused(request.HttpContext, refusal);
        }
        return matched;
    }

    /// <summary>Refuses (403 <see cref="BrandNotAllowedCode"/>) a key not for <paramref name="brand"/>.</summary>
    /// <param name="key">The key <see cref="RequireAdminAsync"/> accepted.</param>
    /// <param name="context">The request.</param>
    /// <param name="brand">The brand's key the request acts for (<see cref="BrandKeys"/>); null when it acts on every brand.</param>
    public static void RequireBrand(this AdminKeyOptions key, HttpContext context, string? brand)
    {
        if (!MayActFor(key, brand, context.RequestServices.GetRequiredService<BrandCatalog>()))
        {
            throw Refused(context, new PassBrokerException(403, BrandNotAllowedCode, "This admin credential is not for this brand.",
                brand is null ? "This route acts on every brand: use a key that is not limited to brands." : "Use a key for the brand."));
        }
    }

    private static bool MayActFor(AdminKeyOptions key, string? brand, BrandCatalog brands) =>
        key.Brands.Count == 0
        || brand is not null && key.Brands.Any(b => brands.TryResolve(b, out var allowed) && string.Equals(allowed, brand, StringComparison.Ordinal));

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
