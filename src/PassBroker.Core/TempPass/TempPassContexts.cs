using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;

namespace PassBroker.Core.TempPass;

/// <summary>
/// The device as an upstream call about an MVPD presents it: calls about the promotional Temp Pass MVPD
/// carry the trial identity (the e-mail hash), every other call carries none.
/// </summary>
public sealed class TempPassContexts(IOptions<TempPassOptions> options)
{
    public const string IdentityRequiredCode = "temppass_identity_required";

    public DeviceContext For(DeviceRecord device, ClientEndpoint client, string mvpd)
    {
        var context = device.ToContext(client);
        if (!options.Value.IsPromotional(mvpd))
        {
            return context;
        }
        return context with
        {
            TempPassIdentity = device.TempPassIdentity is { } hash
                ? new TempPassIdentity(options.Value.IdentityKey, hash)
                : throw new PassBrokerException(400, IdentityRequiredCode, "The promotional trial needs the user's e-mail first.",
                    "Start it with POST /api/temppass {\"kind\":\"promotional\",\"email\":\"…\"}."),
        };
    }
}
