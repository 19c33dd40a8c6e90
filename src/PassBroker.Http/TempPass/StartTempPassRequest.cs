namespace PassBroker.Http.TempPass;

/// <summary>Body of <c>POST /api/temppass</c>: <c>basic</c>, or <c>promotional</c> with the user's e-mail (hashed by
/// PassBroker, never kept).</summary>
public sealed record StartTempPassRequest(string? Kind, string? Email);
