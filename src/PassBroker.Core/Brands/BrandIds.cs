using System.Text.RegularExpressions;

namespace PassBroker.Core.Brands;

/// <summary>
/// What a brand id may look like: short lower-case letters, digits and inner hyphens, so it is safe in table keys
/// (next to <see cref="BrandKeys.Scope"/>'s <c>~</c>), URLs, log lines and metric tags.
/// </summary>
public static partial class BrandIds
{
    public const string Pattern = "^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$";

    public const string ColorPattern = "^#[0-9a-fA-F]{6}$";

    public static bool IsWellFormed(string? id) => id is not null && WellFormed().IsMatch(id);

    [GeneratedRegex(Pattern)]
    private static partial Regex WellFormed();
}
