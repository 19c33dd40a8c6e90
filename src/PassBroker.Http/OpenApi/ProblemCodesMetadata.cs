namespace PassBroker.Http.OpenApi;

/// <summary>Endpoint metadata: the Problem Details <c>code</c>s a route may answer with one status.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Codes">The stable codes (see <c>ErrorCodes</c>) of that status on this route.</param>
public sealed record ProblemCodesMetadata(int Status, IReadOnlyList<string> Codes);

/// <summary>Endpoint metadata: the credential a route takes (<see cref="EndpointDocs.DeviceToken"/> or <see cref="EndpointDocs.AdminKey"/>).</summary>
/// <param name="Scheme">The OpenAPI security scheme's name.</param>
/// <param name="Optional">True when the route also works without the credential (OpenAPI: an empty requirement beside it).</param>
public sealed record SecuritySchemeMetadata(string Scheme, bool Optional = false);
