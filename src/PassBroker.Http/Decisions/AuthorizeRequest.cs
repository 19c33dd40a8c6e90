using PassBroker.Http.Binding;

namespace PassBroker.Http.Decisions;

/// <summary>Body of <c>POST /api/decisions/authorize</c>: the one resource about to play.</summary>
public sealed record AuthorizeRequest(string? Resource, string? Mvpd) : IResourcesBody;
