namespace PassBroker.Http.Profiles;

public sealed record ProfileListResponse(IReadOnlyList<ProfileResponse> Profiles);
