using PassBroker.Http.Binding;

namespace PassBroker.Http.Decisions;

/// <summary>Body of <c>POST /api/decisions/preauthorize</c>: any number of resources (batched upstream), and optionally
/// the MVPD (else the device's current one).</summary>
public sealed record PreauthorizeRequest(IReadOnlyList<string?>? Resources, string? Mvpd) : IResourcesBody;
