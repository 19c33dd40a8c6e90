using PassBroker.Infra.Tests.Bicep;

namespace PassBroker.Infra.Tests;

/// <summary>Issue 18, items 3-5: Front Door in front of the regions, and what each environment talks to.</summary>
[Collection(InfraCollection.Name)]
public sealed class FrontDoorTests(CompiledSets sets)
{
    public static TheoryData<string> Sets => ["single-region", "multi-region"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void Front_door_probes_the_health_route_and_routes_by_latency_when_there_are_regions_to_choose(string set)
    {
        var compiled = sets[set];
        Assert.Equal(compiled.MultiRegion, compiled.IsDeployed(compiled.Deployment("frontdoor")));
        var group = Assert.Single(compiled.OfType("Microsoft.Cdn/profiles/originGroups")).Properties;
        Assert.Equal("/api/health", group["healthProbeSettings"]!["probePath"]!.GetValue<string>());
        Assert.Equal("Https", group["healthProbeSettings"]!["probeProtocol"]!.GetValue<string>());
        // Latency routing: every origin at one priority and weight, so only latency (and health) choose.
        var origin = Assert.Single(compiled.OfType("Microsoft.Cdn/profiles/originGroups/origins")).Properties;
        Assert.Equal(1, origin["priority"]!.GetValue<int>());
        Assert.Equal("HttpsOnly", Assert.Single(compiled.OfType("Microsoft.Cdn/profiles/afdEndpoints/routes")).Properties["forwardingProtocol"]!.GetValue<string>());
        // The apps are Front Door's origins: one per region, named as the regions' apps are.
        Assert.Contains("func-api-", compiled.Deployment("frontdoor").Properties["parameters"]!["originHostNames"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Each_region_has_its_own_task_hub_and_the_shared_tables_only_with_several_regions(string set)
    {
        var parameters = sets[set].Deployment("region").Properties["parameters"]!;
        Assert.Contains("regionTokens", parameters["taskHubName"]!["value"]!.GetValue<string>());
        // Cosmos DB's regional endpoint with several regions (each region writes its own replica), else none.
        var shared = parameters["sharedTablesEndpoint"]!.ToString();
        Assert.Contains("if(variables('multiRegion')", shared);
        Assert.Contains("'https://{0}-{1}.table.cosmos.azure.com:443/', variables('cosmosName'), variables('regions')[copyIndex()]", shared);
    }

    [Theory]
    [InlineData("production", "https://sp.auth.adobe.com")]
    [InlineData("prequal-production", "https://sp-prequal.auth.adobe.com")]
    [InlineData("staging", "https://sp.auth-staging.adobe.com")]
    [InlineData("prequal-staging", "https://sp-prequal.auth-staging.adobe.com")]
    public void The_adobe_environment_picks_adobes_hosts(string environment, string host)
    {
        var template = sets["single-region"].Template;
        Assert.Equal(host, template["variables"]!["adobeHosts"]![environment]!["sp"]!.GetValue<string>());
        Assert.Contains(environment, template["parameters"]!["adobeEnvironment"]!["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
