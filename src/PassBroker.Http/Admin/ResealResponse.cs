namespace PassBroker.Http.Admin;

/// <summary>What one re-sealing call did (see <c>ResealReport</c>); <c>continuation</c> null means the table is done.</summary>
public sealed record ResealResponse(string CurrentVersion, int Scanned, int Resealed, int Conflicts, int Unreadable, string? Continuation);
