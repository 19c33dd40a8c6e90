// azd entry point. Per region (its own resource group; the first region's is rg-<env>): a VNet whose NAT gateway gives
// the Function App (Flex Consumption, .NET 10 isolated) a fixed egress prefix for Adobe's allow-list, the region's
// storage (host, Durable task hub) and private endpoints to it and to Key Vault, public network access off everywhere.
// Shared, in rg-<env>: the app's user-assigned identity (no keys or connection strings anywhere), Key Vault (RBAC),
// Log Analytics + Application Insights; with more than one region also Azure Front Door (latency routing, probe on
// /api/health) and Azure Cosmos DB for Table (multi-region writes) for PassBroker's tables. See docs/deployment.md.
// Resources are written directly (no public-registry modules), so `bicep build` works offline in CI.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used to name every resource.')
param environmentName string

@minLength(1)
@description('Primary Azure region (one that offers Flex Consumption).')
@metadata({ azd: { type: 'location' } })
param location string

@description('More regions, comma-separated (e.g. "westus2,centralus"); empty: one region. Two or more turn on Front Door and Cosmos DB.')
param secondaryLocations string = ''

@description('Object id of the developer running azd (azd fills AZURE_PRINCIPAL_ID); gets data access for debugging. Empty: none.')
param principalId string = ''

@description('Adobe Pass service provider (requestor id), e.g. REF30.')
param adobePassServiceProvider string = 'REF30'

@description('Adobe Pass environment this deployment talks to; production also sizes the app for production.')
@allowed(['production', 'prequal-production', 'staging', 'prequal-staging'])
param adobeEnvironment string = 'production'

@description('Instances of each region\'s app kept warm for HTTP (0: scale from zero).')
@minValue(0)
param alwaysReadyInstances int = adobeEnvironment == 'production' ? 2 : 0

@description('Most instances of each region\'s app (Flex Consumption: 40 at least; the /24 app subnet holds one address per instance).')
@minValue(40)
@maxValue(250)
param maximumInstanceCount int = adobeEnvironment == 'production' ? 100 : 40

@description('Days Log Analytics keeps logs.')
param logRetentionInDays int = adobeEnvironment == 'production' ? 90 : 30

@description('Size of each region\'s egress prefix: 31 = 2 addresses (one NAT gateway uses up to 16).')
@minValue(28)
@maxValue(31)
param egressPrefixLength int = 31

// Adobe's hosts per environment (../shared/docs/adobe-pass-v2.md section 1.1, from Adobe's OpenAPI `servers` lists)
var adobeHosts = {
  production: { sp: 'https://sp.auth.adobe.com', mgmt: 'https://mgmt.auth.adobe.com' }
  'prequal-production': { sp: 'https://sp-prequal.auth.adobe.com', mgmt: 'https://mgmt-prequal.auth.adobe.com' }
  staging: { sp: 'https://sp.auth-staging.adobe.com', mgmt: 'https://mgmt.auth-staging.adobe.com' }
  'prequal-staging': { sp: 'https://sp-prequal.auth-staging.adobe.com', mgmt: 'https://mgmt-prequal.auth-staging.adobe.com' }
}
var production = adobeEnvironment == 'production'

var tags = { 'azd-env-name': environmentName }
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var secondaries = empty(secondaryLocations) ? [] : split(replace(secondaryLocations, ' ', ''), ',')
var regions = concat([location], secondaries)
var multiRegion = length(regions) > 1
// The primary region keeps the single-region names; the others get their own token.
var regionTokens = [for (region, i) in regions: i == 0 ? resourceToken : toLower(uniqueString(subscription().id, environmentName, region))]
// PassBroker's tables (Storage:TablePrefix is empty in Azure)
var tableNames = ['devices', 'sessions', 'sessioncodes', 'profiles', 'decisions', 'plays']
var cosmosName = 'cosmos-${resourceToken}'
var regionGroupNames = [for (region, i) in regions: i == 0 ? 'rg-${environmentName}' : 'rg-${environmentName}-${region}']

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

resource regionGroups 'Microsoft.Resources/resourceGroups@2024-03-01' = [for (region, i) in regions: if (i > 0) {
  name: 'rg-${environmentName}-${region}'
  location: region
  tags: tags
}]

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    softDeleteRetentionInDays: production ? 90 : 7
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
  }
}

module cosmos 'modules/cosmos.bicep' = if (multiRegion) {
  name: 'cosmos'
  scope: rg
  params: {
    name: cosmosName
    tags: tags
    locations: regions
    identityPrincipalId: identity.outputs.principalId
    tableNames: tableNames
    maxThroughput: production ? 4000 : 1000
  }
}

module frontDoor 'modules/frontdoor.bicep' = if (multiRegion) {
  name: 'frontdoor'
  scope: rg
  params: {
    name: 'afd-${resourceToken}'
    tags: tags
    originHostNames: [for token in regionTokens: 'func-api-${token}.azurewebsites.net']
  }
}

module stamps 'modules/region.bicep' = [for (region, i) in regions: {
  name: 'region-${region}'
  scope: resourceGroup(regionGroupNames[i])
  params: {
    location: region
    tags: tags
    resourceToken: regionTokens[i]
    addressPrefix: '10.${10 + i}.0.0/16'
    egressPrefixLength: egressPrefixLength
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    keyVaultName: keyVault.outputs.name
    keyVaultId: keyVault.outputs.id
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    taskHubName: 'passbroker${regionTokens[i]}'
    // Cosmos DB's regional endpoint: each region reads and writes its own replica.
    sharedTablesEndpoint: multiRegion ? 'https://${cosmosName}-${region}.table.cosmos.azure.com:443/' : ''
    publicHostName: frontDoor.?outputs.hostName ?? ''
    adobePassServiceProvider: adobePassServiceProvider
    adobePassBaseUrl: adobeHosts[adobeEnvironment].sp
    adobePassManagementBaseUrl: adobeHosts[adobeEnvironment].mgmt
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
  }
  dependsOn: [rbac, regionGroups]
}]

module cosmosEndpoints 'modules/cosmosendpoint.bicep' = [for (region, i) in regions: if (multiRegion) {
  name: 'cosmos-endpoint-${region}'
  scope: resourceGroup(regionGroupNames[i])
  params: {
    location: region
    tags: tags
    resourceToken: regionTokens[i]
    vnetId: stamps[i].outputs.vnetId
    subnetId: stamps[i].outputs.privateEndpointSubnetId
    accountId: cosmos.?outputs.id ?? ''
  }
}]

var appsByGroup = [for (region, i) in regions: '${regionGroupNames[i]}/func-api-${regionTokens[i]}']

// Outputs azd reads (and writes into the environment's .env)
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_NAME string = stamps[0].outputs.functionAppName
output SERVICE_API_NAME string = stamps[0].outputs.functionAppName
output SERVICE_API_URI string = 'https://${frontDoor.?outputs.hostName ?? stamps[0].outputs.hostName}'
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.endpoint
output AZURE_STORAGE_ACCOUNT_NAME string = stamps[0].outputs.storageAccountName
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
// The addresses Adobe must allow-list: every region's egress prefix (CIDR), primary first (azd stores it as JSON).
output AZURE_EGRESS_PREFIXES array = [for (region, i) in regions: stamps[i].outputs.egressPrefix]
// The other regions' apps, "resource-group/app" comma-separated: infra/hooks/deploy-secondaries.sh deploys to them.
output AZURE_SECONDARY_FUNCTION_APPS string = join(skip(appsByGroup, 1), ',')
output AZURE_ADOBE_ENVIRONMENT string = adobeEnvironment
