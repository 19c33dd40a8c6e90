using PassBroker.Core.Upstream;

namespace PassBroker.Http.Profiles;

internal static class ProfileMapping
{
    public static ProfileResponse ToResponse(this Profile profile) =>
        new(profile.Mvpd, profile.Type, profile.Issuer, profile.NotBefore, profile.NotAfter, profile.Attributes);
}
