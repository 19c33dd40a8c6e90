using Microsoft.Extensions.Options;
using PassBroker.Core.Devices;
using PassBroker.Core.Errors;

namespace PassBroker.Core.TempPass;

/// <summary>
/// The device as an upstream call about an MVPD presents it: calls about the promotional Temp Pass MVPD
/// carry the trial identity (the e-mail hash), every other call carries none. Which MVPD is the promotional one, and
/// the identity's key, are the device's brand's.
/// </summary>
public sealed class TempPassContexts(IOptionsMonitor<TempPassOptions> options)
{
    public const string IdentityRequiredCode = "temppass_identity_required";

    public DeviceContext For(DeviceRecord device, ClientEndpoint client, string mvpd)
    {
        var context = device.ToContext(client);
        var tempPass = options.Get(device.Brand);
        if (!tempPass.IsPromotional(mvpd))
        {
            return context;
        }
        return context with
        {
            TempPassIdentity = device.TempPassIdentity is { } hash
                ? new TempPassIdentity(tempPass.IdentityKey, hash)
                : throw new PassBrokerException(400, IdentityRequiredCode, "The promotional trial needs the user's e-mail first.",
                    "Start it with POST /api/temppass {\"kind\":\"promotional\",\"email\":\"…\"}."),
        };
    }
}
