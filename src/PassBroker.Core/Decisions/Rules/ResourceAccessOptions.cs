using System.ComponentModel.DataAnnotations;

namespace PassBroker.Core.Decisions.Rules;

/// <summary>
/// Which resources this service may play at all, whatever the MVPD says (<see cref="ResourceAccessRule"/>).
/// Ids match the resource exactly (ordinal), as the app sends it.
/// <code>
/// "Rules": { "ResourceAccess": { "Allow": [], "Deny": [ "NotYetLicensedChannel" ] } }
/// </code>
/// </summary>
public sealed class ResourceAccessOptions : IValidatableObject
{
    public const string SectionName = "Rules:ResourceAccess";

    /// <summary>When not empty, only these resource ids may play.</summary>
    public string[] Allow { get; set; } = [];

    /// <summary>Resource ids that never play, even when also in <see cref="Allow"/>.</summary>
    public string[] Deny { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Allow.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Rules:ResourceAccess:Allow must not hold empty resource ids.", [nameof(Allow)]);
        }
        if (Deny.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("Rules:ResourceAccess:Deny must not hold empty resource ids.", [nameof(Deny)]);
        }
    }
}
