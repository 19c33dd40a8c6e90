using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PassBroker.Core.Devices;
using PassBroker.Core.Profiles;
using PassBroker.Functions.Edge;
using PassBroker.Http;
using PassBroker.Http.Profiles;

namespace PassBroker.Functions.Api;

// Device routes are Anonymous at the platform: the handler requires the device token (Authorization: Bearer).
internal sealed class ProfilesFunctions(DeviceAuthenticator authenticator, ProfileService profiles, UserMetadataDecryption metadata)
{
    [Function(nameof(GetProfiles))]
    public Task<IActionResult> GetProfiles(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Profiles)] HttpRequest request) =>
        ProfilesApi.GetAsync(request, authenticator, profiles, metadata, request.HttpContext.RequestAborted).AsActionResult();
}
