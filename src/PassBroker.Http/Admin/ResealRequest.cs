namespace PassBroker.Http.Admin;

/// <summary>
/// Body of <c>POST /api/admin/data-keys/reseal</c> (may be empty): <c>{"continuation":"…","maxRows":500}</c>. Call again
/// with the answer's <c>continuation</c> until it is null.
/// </summary>
public sealed record ResealRequest(string? Continuation, int? MaxRows)
{
    public const int DefaultMaxRows = 500;
    public const int MostRows = 1000;
}
