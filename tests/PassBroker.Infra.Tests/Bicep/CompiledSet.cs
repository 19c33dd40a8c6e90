using System.Text.Json.Nodes;

namespace PassBroker.Infra.Tests.Bicep;

/// <summary>One resource of the compiled template, found at any depth of its nested deployments (the modules).</summary>
/// <param name="Module">The module chain, e.g. "region/api" (the deployments' Bicep names, without the region).</param>
/// <param name="Node">The resource's JSON.</param>
/// <param name="Template">The template that declares it (its parameters and variables are the ones it refers to).</param>
/// <param name="Deployment">The deployment resource that holds <paramref name="Template"/>; null at the top.</param>
internal sealed record ArmResource(string Module, JsonObject Node, JsonObject Template, JsonObject? Deployment)
{
    public string Type => Node["type"]!.GetValue<string>();

    public string? Condition => Node["condition"]?.GetValue<string>();

    public JsonObject Properties => Node["properties"]!.AsObject();
}

/// <summary>A parameter set of infra/ compiled by the real Bicep CLI.</summary>
internal sealed class CompiledSet
{
    public CompiledSet(string name)
    {
        Name = name;
        (Template, Parameters, Diagnostics) = BicepCli.BuildParams($"infra/{name}.bicepparam");
        Resources = [.. Walk(Template, "", null)];
    }

    public string Name { get; }

    public JsonObject Template { get; }

    public JsonObject Parameters { get; }

    public string Diagnostics { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>Whether this set deploys more than one region (main.bicep's <c>multiRegion</c>: any secondary location).</summary>
    public bool MultiRegion => !string.IsNullOrWhiteSpace(Parameters["parameters"]?["secondaryLocations"]?["value"]?.GetValue<string>());

    public IEnumerable<ArmResource> OfType(string type) => Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Deployment(string module) =>
        Resources.Single(r => r.Type == "Microsoft.Resources/deployments" && $"{r.Module}/{ShortName(r.Node)}".TrimStart('/') == module);

    /// <summary>
    /// Whether a top-level resource is deployed with this set. Main.bicep gates everything that only multi-region
    /// needs on one variable, so that is the one condition understood here; any other fails the test that asks.
    /// </summary>
    public bool IsDeployed(ArmResource resource) => resource.Condition switch
    {
        null => true,
        "[variables('multiRegion')]" => MultiRegion,
        "[greater(copyIndex(), 0)]" => MultiRegion, // the secondary regions' resource groups
        var other => throw new InvalidOperationException($"Condition {other} of {resource.Module} is not one these tests evaluate."),
    };

    private static IEnumerable<ArmResource> Walk(JsonObject template, string module, JsonObject? deployment)
    {
        foreach (var node in template["resources"]!.AsArray().Select(n => n!.AsObject()))
        {
            yield return new ArmResource(module, node, template, deployment);
            if (node["type"]!.GetValue<string>() == "Microsoft.Resources/deployments")
            {
                var inner = node["properties"]!["template"]!.AsObject();
                foreach (var nested in Walk(inner, $"{module}/{ShortName(node)}".TrimStart('/'), node))
                {
                    yield return nested;
                }
            }
        }
    }

    // "[format('region-{0}', variables('regions')[copyIndex()])]" → "region"; "identity" → "identity".
    private static string ShortName(JsonObject node)
    {
        var name = node["name"]!.GetValue<string>();
        if (!name.StartsWith('['))
        {
            return name;
        }
        var start = name.IndexOf('\'', StringComparison.Ordinal) + 1;
        var literal = name[start..name.IndexOf('\'', start)];
        return literal.Split('-', '{')[0] switch
        {
            "pe" or "dns" or "cosmos" => string.Join('-', literal.Split('-').TakeWhile(p => !p.StartsWith('{'))),
            var first => first,
        };
    }
}

/// <summary>Both parameter sets, each compiled once for all the tests (two Bicep runs).</summary>
public sealed class CompiledSets
{
    private readonly Lazy<CompiledSet> _single = new(() => new CompiledSet("single-region"));
    private readonly Lazy<CompiledSet> _multi = new(() => new CompiledSet("multi-region"));

    internal CompiledSet this[string name] => name switch
    {
        "single-region" => _single.Value,
        "multi-region" => _multi.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a parameter set under infra/."),
    };
}

[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledSets>
{
    public const string Name = "infra";
}
