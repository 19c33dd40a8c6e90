using System.Text.RegularExpressions;
using PassBroker.Core.Upstream;

namespace PassBroker.Core.Mvpds;

/// <summary>Applies <see cref="MvpdCatalogOptions"/> to Adobe's MVPD list.</summary>
internal static class MvpdFilter
{
    public static IReadOnlyList<Mvpd> Apply(IEnumerable<Mvpd> mvpds, MvpdCatalogOptions options) =>
        mvpds.Where(m => IsShown(m, options)).ToList();

    public static bool IsShown(Mvpd mvpd, MvpdCatalogOptions options) =>
        !(options.HideTempPass && mvpd.IsTempPass)
        && !(options.HideTestMvpds && options.TestMvpdPatterns.Any(p => Matches(mvpd.Id, p)))
        && (options.Allow.Length == 0 || options.Allow.Contains(mvpd.Id, StringComparer.Ordinal))
        && !options.Deny.Contains(mvpd.Id, StringComparer.Ordinal);

    private static bool Matches(string id, string pattern) =>
        Regex.IsMatch(id, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
