namespace PassBroker.Http.Mvpds;

public sealed record MvpdListResponse(IReadOnlyList<MvpdResponse> Mvpds);
