using System.Reflection;
using System.Text.RegularExpressions;

namespace PassBroker.Http.Tests.Functions;

/// <summary>
/// The Functions app cannot be built on every machine (its worker packages are not on every NuGet source), so this
/// test reads its source: every route the DevHost maps from <see cref="Routes"/> has exactly one HTTP-triggered
/// function with the same method and route constant, and no function serves a route the DevHost does not.
/// </summary>
public sealed partial class FunctionRoutesTests
{
    private static readonly string Root = FindRepositoryRoot();

    [Fact]
    public void FunctionRoutes_MatchTheDevHostRouteTable()
    {
        // Arrange
        var mapped = MappedRoutes();
        var functions = FunctionRoutes();

        // Act
        var duplicates = functions.GroupBy(f => f).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var missing = mapped.Except(functions).ToList();
        var extra = functions.Except(mapped).ToList();

        // Assert
        Assert.True(duplicates.Count == 0, "More than one function for " + string.Join(", ", duplicates));
        Assert.True(missing.Count == 0, "No function for " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "Functions for routes the DevHost does not map: " + string.Join(", ", extra));
    }

    [Fact]
    public void RouteConstants_EachHaveAFunction()
    {
        var constants = typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => f.Name)
            .ToHashSet();
        var used = FunctionRoutes().Select(r => r.Route).ToHashSet();

        Assert.Empty(constants.Except(used));
        Assert.Empty(used.Except(constants));
    }

    [Fact]
    public void FunctionHandlerCalls_PassEveryParameterOfTheHandler()
    {
        // The Functions project is not compiled here, so a handler that gains a parameter would leave its function
        // calling it with too few: count each call's arguments against the handler's parameters.
        var calls = SourceFiles("src/PassBroker.Functions").SelectMany(text => HandlerCall().Matches(text).Select(m => (Text: text, Match: m))).ToList();
        var wrong = new List<string>();
        foreach (var (text, match) in calls)
        {
            var type = typeof(Routes).Assembly.GetTypes().Single(t => t.Name == match.Groups["type"].Value);
            var arities = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .Where(m => m.Name == match.Groups["method"].Value)
                .Select(m => m.GetParameters().Length)
                .ToList();
            var arguments = CountArguments(text, match.Index + match.Length);
            if (!arities.Contains(arguments))
            {
                wrong.Add($"{match.Groups["type"].Value}.{match.Groups["method"].Value}: {arguments} argument(s), the handler takes {string.Join(" or ", arities)}");
            }
        }

        Assert.True(calls.Count >= 15, $"Only {calls.Count} handler calls found: the pattern is broken.");
        Assert.True(wrong.Count == 0, string.Join("; ", wrong));
    }

    [Fact]
    public void FunctionRoutes_AreFound()
    {
        // Guards the two tests above against a pattern that silently matches nothing.
        Assert.True(FunctionRoutes().Count >= 10);
        Assert.True(MappedRoutes().Count >= 10);
    }

    private static List<(string Method, string Route)> MappedRoutes() =>
        SourceFiles("src/PassBroker.Http")
            .SelectMany(text => MapCall().Matches(text))
            .Select(m => (m.Groups["method"].Value.ToUpperInvariant(), m.Groups["route"].Value))
            .ToList();

    private static List<(string Method, string Route)> FunctionRoutes() =>
        SourceFiles("src/PassBroker.Functions")
            .SelectMany(text => HttpTrigger().Matches(text))
            .SelectMany(m => m.Groups["methods"].Captures.Select(c => (c.Value.ToUpperInvariant(), m.Groups["route"].Value)))
            .ToList();

    /// <summary>Top-level arguments of the call whose '(' ends just before <paramref name="start"/>.</summary>
    private static int CountArguments(string text, int start)
    {
        var (depth, commas, empty) = (0, 0, true);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}' && depth > 0)
            {
                depth--;
            }
            else if (c == ')')
            {
                return empty ? 0 : commas + 1;
            }
            else if (c == ',' && depth == 0)
            {
                commas++;
            }
            empty &= char.IsWhiteSpace(c);
        }
        throw new InvalidOperationException("Unclosed call in the Functions sources.");
    }

    private static IEnumerable<string> SourceFiles(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Functions.sln not found above " + AppContext.BaseDirectory);
    }

    // ProfilesApi.GetAsync( — a call of a PassBroker.Http handler
    [GeneratedRegex(@"\b(?<type>[A-Z]\w*Api)\.(?<method>[A-Z]\w*)\(")]
    private static partial Regex HandlerCall();

    // routes.MapPost(Routes.Devices, ...)
    [GeneratedRegex(@"\.Map(?<method>Get|Post|Put|Delete|Patch)\(\s*Routes\.(?<route>\w+)\s*,")]
    private static partial Regex MapCall();

    // [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = Routes.X)]; a trigger without Route = Routes.X
    // does not match and so shows up as a missing function.
    [GeneratedRegex(@"\[HttpTrigger\(\s*AuthorizationLevel\.\w+\s*(?:,\s*""(?<methods>\w+)"")+\s*,\s*Route\s*=\s*Routes\.(?<route>\w+)\s*\)\]")]
    private static partial Regex HttpTrigger();
}
