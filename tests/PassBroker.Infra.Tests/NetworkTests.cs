using PassBroker.Infra.Tests.Bicep;

namespace PassBroker.Infra.Tests;

/// <summary>Issue 18, item 5: egress through the NAT gateway, data behind private endpoints with public access off.</summary>
[Collection(InfraCollection.Name)]
public sealed class NetworkTests(CompiledSets sets)
{
    public static TheoryData<string> Sets => ["single-region", "multi-region"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_set_compiles_without_any_diagnostic(string set) => Assert.Equal("", sets[set].Diagnostics);

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_nat_gateway_with_the_egress_prefix_is_on_the_app_subnet(string set)
    {
        var compiled = sets[set];
        var nat = Assert.Single(compiled.OfType("Microsoft.Network/natGateways"));
        Assert.Contains("Microsoft.Network/publicIPPrefixes", nat.Properties["publicIpPrefixes"]![0]!["id"]!.GetValue<string>());
        var vnet = Assert.Single(compiled.OfType("Microsoft.Network/virtualNetworks"));
        var app = vnet.Properties["subnets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "app")!["properties"]!;
        Assert.Contains("Microsoft.Network/natGateways", app["natGateway"]!["id"]!.GetValue<string>());
        Assert.Equal("Microsoft.App/environments", app["delegations"]![0]!["properties"]!["serviceName"]!.GetValue<string>());
        // The private endpoints' subnet has no NAT gateway: it only receives.
        var endpoints = vnet.Properties["subnets"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "private-endpoints")!["properties"]!;
        Assert.Null(endpoints["natGateway"]);
        // The network module's app subnet is the one the app is integrated into.
        Assert.Contains("/subnets/app", vnet.Template["outputs"]!["appSubnetId"]!["value"]!.GetValue<string>());
        var region = compiled.Deployment("region/api").Properties["parameters"]!;
        Assert.Contains("outputs.appSubnetId", region["subnetId"]!["value"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_app_sends_all_outbound_traffic_into_its_vnet(string set)
    {
        var site = Assert.Single(sets[set].OfType("Microsoft.Web/sites"));
        Assert.Equal("[parameters('subnetId')]", site.Properties["virtualNetworkSubnetId"]!.GetValue<string>());
        Assert.True(site.Properties["vnetRouteAllEnabled"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Storage_key_vault_and_cosmos_db_refuse_public_network_access(string set)
    {
        var compiled = sets[set];
        var services = compiled.OfType("Microsoft.Storage/storageAccounts")
            .Concat(compiled.OfType("Microsoft.KeyVault/vaults"))
            .Concat(compiled.OfType("Microsoft.DocumentDB/databaseAccounts")).ToList();
        Assert.Equal(3, services.Count);
        Assert.All(services, s => Assert.Equal("Disabled", s.Properties["publicNetworkAccess"]!.GetValue<string>()));
        Assert.All(services.Where(s => s.Type != "Microsoft.DocumentDB/databaseAccounts"),
            s => Assert.Equal("Deny", s.Properties["networkAcls"]!["defaultAction"]!.GetValue<string>()));
        // No key opens them either: Entra ID only.
        Assert.False(Assert.Single(compiled.OfType("Microsoft.Storage/storageAccounts")).Properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.True(Assert.Single(compiled.OfType("Microsoft.DocumentDB/databaseAccounts")).Properties["disableLocalAuth"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Every_data_service_the_app_uses_has_a_private_endpoint_in_each_region(string set)
    {
        var compiled = sets[set];
        var storageGroups = compiled.Deployment("region/pe").Properties["parameters"]!["groupId"]!["value"]!.GetValue<string>();
        Assert.Equal("[variables('storageServices')[copyIndex()]]", storageGroups);
        var region = compiled.Deployment("region").Properties["template"]!["variables"]!;
        Assert.Equal(["blob", "queue", "table"], region["storageServices"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("vault", compiled.Deployment("region/pe-vault").Properties["parameters"]!["groupId"]!["value"]!.GetValue<string>());
        var cosmos = compiled.Deployment("cosmos-endpoint/pe-cosmos");
        Assert.Equal("Table", cosmos.Properties["parameters"]!["groupId"]!["value"]!.GetValue<string>());
        // The endpoints register in their zones, so the public names resolve to them inside the VNet.
        Assert.All(compiled.OfType("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"),
            g => Assert.Equal("[parameters('privateDnsZoneId')]", g.Properties["privateDnsZoneConfigs"]![0]!["properties"]!["privateDnsZoneId"]!.GetValue<string>()));
        Assert.Equal(compiled.MultiRegion, compiled.IsDeployed(compiled.Deployment("cosmos-endpoint")));
    }
}
