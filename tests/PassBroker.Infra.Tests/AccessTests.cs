using System.Text.RegularExpressions;
using PassBroker.Infra.Tests.Bicep;

namespace PassBroker.Infra.Tests;

/// <summary>Issue 18, item 5: no secret in app settings; exactly the roles the app needs, each on its one resource.</summary>
[Collection(InfraCollection.Name)]
public sealed class AccessTests(CompiledSets sets)
{
    public static TheoryData<string> Sets => ["single-region", "multi-region"];

    // Built-in role ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles) and the one kind
    // of resource each may be assigned on.
    private static readonly Dictionary<string, string> Roles = new()
    {
        ["b7e6dc6d-f1e8-4753-8033-0f276bb0955b"] = "storageAccount", // Storage Blob Data Owner
        ["974c5e8b-45b9-4653-ba55-5f855dd0fb88"] = "storageAccount", // Storage Queue Data Contributor
        ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3"] = "storageAccount", // Storage Table Data Contributor
        ["4633458b-17de-408a-b874-0445c86b69e6"] = "vault", // Key Vault Secrets User
        ["db79e9a7-68ee-4b58-9aeb-b90e7c24fcba"] = "vault", // Key Vault Certificate User
        ["3913510d-42f4-4e42-8a64-420c390055eb"] = "applicationInsights", // Monitoring Metrics Publisher
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public void No_app_setting_holds_a_key_or_a_connection_string_with_a_secret(string set)
    {
        var settings = Assert.Single(sets[set].OfType("Microsoft.Web/sites/config")).Properties;
        string[] secretMarkers = ["AccountKey", "SharedAccessSignature", "sig=", "listKeys(", "listConnectionStrings(", "Password", "secret"];
        Assert.All(settings, s => Assert.DoesNotContain(secretMarkers,
            marker => s.Value!.ToString().Contains(marker, StringComparison.OrdinalIgnoreCase)));
        // The storage "connection strings" are endpoints, reached by the managed identity.
        Assert.Equal("[parameters('tablesEndpoint')]", settings["Storage__ConnectionString"]!.GetValue<string>());
        // (Bicep compiles a conditional module parameter to one expression holding both values.)
        var endpoint = sets[set].Deployment("region/api").Properties["parameters"]!["tablesEndpoint"]!.ToString();
        Assert.Contains("'https://st{0}.table.{1}/'", endpoint);
        Assert.Contains("parameters('sharedTablesEndpoint')", endpoint);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]!.GetValue<string>());
        Assert.Null(settings["AzureWebJobsStorage"]);
        // Application Insights' connection string names the component, not a secret: local auth is off, so only the
        // identity (APPLICATIONINSIGHTS_AUTHENTICATION_STRING) can ingest.
        Assert.True(Assert.Single(sets[set].OfType("Microsoft.Insights/components")).Properties["DisableLocalAuth"]!.GetValue<bool>());
        Assert.Contains("Authorization=AAD", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void The_identity_has_every_role_it_needs_each_on_its_one_resource_and_nothing_broader(string set)
    {
        var assignments = sets[set].OfType("Microsoft.Authorization/roleAssignments").ToList();
        var granted = assignments.SelectMany(a => RolesOf(a).Select(role => (Role: role, Scope: a.Node["scope"]?.GetValue<string>() ?? ""))).ToList();
        Assert.All(granted, g => Assert.True(Roles.ContainsKey(g.Role), $"Role {g.Role} is not one the app needs."));
        // Every role is scoped to its resource, never to the resource group or the subscription.
        Assert.All(granted, g => Assert.Contains($"'{ResourceTypeOf(Roles[g.Role])}'", g.Scope, StringComparison.Ordinal));
        Assert.Equal(Roles.Keys.Order(), granted.Select(g => g.Role).Distinct().Order());
        // The developer's roles (azd AZURE_PRINCIPAL_ID) are the storage ones only, and only when given.
        var user = assignments.Where(a => a.Properties["principalType"]!.GetValue<string>() == "User").ToList();
        Assert.All(user, a => Assert.Equal("[not(empty(parameters('userPrincipalId')))]", a.Condition));
        Assert.All(user.SelectMany(RolesOf), role => Assert.Equal("storageAccount", Roles[role]));
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void Cosmos_db_grants_the_identity_the_built_in_table_data_contributor_on_the_account_only(string set)
    {
        var compiled = sets[set];
        var assignment = Assert.Single(compiled.OfType("Microsoft.DocumentDB/databaseAccounts/tableRoleAssignments"));
        Assert.Contains("'00000000-0000-0000-0000-000000000002'", assignment.Properties["roleDefinitionId"]!.GetValue<string>());
        Assert.Equal("[resourceId('Microsoft.DocumentDB/databaseAccounts', parameters('name'))]", assignment.Properties["scope"]!.GetValue<string>());
        Assert.Equal(compiled.MultiRegion, compiled.IsDeployed(compiled.Deployment("cosmos")));
    }

    // The role ids an assignment (or a copy loop of them) grants: literal, from the template's `roles` object, or each
    // element of the array variable the loop runs over.
    private static IEnumerable<string> RolesOf(ArmResource assignment)
    {
        var definition = assignment.Properties["roleDefinitionId"]!.GetValue<string>();
        var variables = assignment.Template["variables"]?.AsObject();
        var loop = Regex.Match(definition, @"variables\('(\w+)'\)\[copyIndex\(\)\]");
        IEnumerable<string> expressions = loop.Success
            ? variables![loop.Groups[1].Value]!.AsArray().Select(e => e!.GetValue<string>())
            : [definition];
        foreach (var expression in expressions)
        {
            var named = Regex.Match(expression, @"variables\('roles'\)\.(\w+)");
            yield return named.Success ? variables!["roles"]![named.Groups[1].Value]!.GetValue<string>() : Regex.Match(expression, "[0-9a-f]{8}-[0-9a-f-]{27}").Value;
        }
    }

    private static string ResourceTypeOf(string kind) => kind switch
    {
        "storageAccount" => "Microsoft.Storage/storageAccounts",
        "vault" => "Microsoft.KeyVault/vaults",
        _ => "Microsoft.Insights/components",
    };
}
