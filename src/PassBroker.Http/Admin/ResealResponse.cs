using System.Text.Json.Serialization;

namespace PassBroker.Http.Admin;

/// <summary>
/// What one re-sealing call did (see <c>ResealReport</c>); <c>continuation</c> null means the table is done. It is
/// written even when null (the API otherwise leaves nulls out), because operators loop until it is null.
/// </summary>
public sealed record ResealResponse(
    string CurrentVersion, int Scanned, int Resealed, int Conflicts, int Unreadable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Continuation);
