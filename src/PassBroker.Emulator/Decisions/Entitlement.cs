using System.Globalization;

namespace PassBroker.Emulator.Decisions;

/// <summary>One parsed <c>TestUserOptions.Entitlements</c> value.</summary>
internal readonly record struct Entitlement(EntitlementKind Kind, int Timeouts = 0)
{
    public const string PermitValue = "permit";
    public const string DenyValue = "deny";
    public const string ParentalValue = "parental";
    public const string TimeoutValue = "timeout";
    public const string TimeoutOnceValue = "timeout-once";

    private const string TimeoutCountPrefix = "timeout-";

    public static readonly Entitlement Permit = new(EntitlementKind.Permit);

    /// <summary>Reads <c>permit</c>, <c>deny</c>, <c>parental</c>, <c>timeout</c>, <c>timeout-once</c> or <c>timeout-N</c> (N ≥ 1), in any case.</summary>
    public static bool TryParse(string? value, out Entitlement entitlement)
    {
        var normalized = value?.Trim().ToLowerInvariant();
        Entitlement? parsed = normalized switch
        {
            PermitValue => Permit,
            DenyValue => new(EntitlementKind.Deny),
            ParentalValue => new(EntitlementKind.ParentalControls),
            TimeoutValue => new(EntitlementKind.Timeout),
            TimeoutOnceValue => new(EntitlementKind.TimeoutThenPermit, 1),
            _ when normalized is not null
                && normalized.StartsWith(TimeoutCountPrefix, StringComparison.Ordinal)
                && int.TryParse(normalized.AsSpan(TimeoutCountPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
                && count > 0 => new(EntitlementKind.TimeoutThenPermit, count),
            _ => null,
        };

        entitlement = parsed ?? Permit;
        return parsed is not null;
    }

    /// <summary>The user's entitlement for the resource; unlisted resources are permitted.</summary>
    public static Entitlement For(TestUserOptions? user, string resource) =>
        user is not null && user.Entitlements.TryGetValue(resource, out var value) && TryParse(value, out var entitlement)
            ? entitlement
            : Permit;
}
