// One region's stamp, in its own resource group: network (VNet, NAT gateway, egress prefix), private DNS, the region's
// storage account (host, Durable task hub, deployment package; PassBroker's tables too when there is one region), its
// private endpoints and Key Vault's, the storage roles of the app's identity, and the Function App.
param location string
param tags object
@description('Short unique token of this region\'s resources (uniqueString).')
@minLength(13)
@maxLength(13)
param resourceToken string
param addressPrefix string
param egressPrefixLength int
param identityId string
param identityClientId string
param identityPrincipalId string
@description('Developer object id given data access to this region\'s storage (azd AZURE_PRINCIPAL_ID); empty: none.')
param userPrincipalId string
param keyVaultName string
param keyVaultId string
param applicationInsightsName string
@description('The Durable task hub of this region: each region runs its own sign-in orchestrations.')
param taskHubName string
@description('PassBroker\'s tables: empty for this region\'s storage account, or the endpoint of the shared store.')
param sharedTablesEndpoint string
@description('Public host name; empty: the app\'s own.')
param publicHostName string
param adobePassServiceProvider string
param adobePassBaseUrl string
param adobePassManagementBaseUrl string
param maximumInstanceCount int
param alwaysReadyInstances int

var functionAppName = 'func-api-${resourceToken}'
var storageSuffix = environment().suffixes.storage
var storageServices = ['blob', 'queue', 'table']
// The vault's zone is the last one; its endpoint is the last endpoint below.
var zones = concat(map(storageServices, s => 'privatelink.${s}.${storageSuffix}'), ['privatelink.vaultcore.azure.net'])

// Built-in roles the app's identity needs on its region's storage (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles)
var storageRoles = [
  'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' // Storage Blob Data Owner: host leases, deployment package
  '974c5e8b-45b9-4653-ba55-5f855dd0fb88' // Storage Queue Data Contributor: Durable task hub queues
  '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' // Storage Table Data Contributor: Durable history, PassBroker's tables
]

module network 'network.bicep' = {
  name: 'network-${location}'
  params: {
    name: resourceToken
    location: location
    tags: tags
    addressPrefix: addressPrefix
    egressPrefixLength: egressPrefixLength
  }
}

module dns 'privatedns.bicep' = {
  name: 'dns-${location}'
  params: {
    vnetId: network.outputs.vnetId
    zones: zones
    tags: tags
  }
}

module storage 'storage.bicep' = {
  name: 'storage-${location}'
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}'
  }
}

module storageEndpoints 'privateendpoint.bicep' = [for (service, i) in storageServices: {
  name: 'pe-${service}-${location}'
  params: {
    name: 'pe-st-${service}-${resourceToken}'
    location: location
    tags: tags
    subnetId: network.outputs.privateEndpointSubnetId
    targetId: storage.outputs.id
    groupId: service
    privateDnsZoneId: dns.outputs.ids[i]
  }
}]

module vaultEndpoint 'privateendpoint.bicep' = {
  name: 'pe-vault-${location}'
  params: {
    name: 'pe-kv-${resourceToken}'
    location: location
    tags: tags
    subnetId: network.outputs.privateEndpointSubnetId
    targetId: keyVaultId
    groupId: 'vault'
    privateDnsZoneId: dns.outputs.ids[3]
  }
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'st${resourceToken}'
}

resource storageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: {
  name: guid(storageAccount.id, identityPrincipalId, role)
  scope: storageAccount
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
  dependsOn: [storage]
}]

resource userStorageAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in storageRoles: if (!empty(userPrincipalId)) {
  name: guid(storageAccount.id, userPrincipalId, role)
  scope: storageAccount
  properties: {
    principalId: userPrincipalId
    principalType: 'User'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
  dependsOn: [storage]
}]

module api 'functionapp.bicep' = {
  name: 'api-${location}'
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: tags
    serviceName: 'api'
    identityId: identityId
    identityClientId: identityClientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: storage.outputs.deploymentContainerName
    applicationInsightsName: applicationInsightsName
    keyVaultName: keyVaultName
    taskHubName: taskHubName
    subnetId: network.outputs.appSubnetId
    tablesEndpoint: empty(sharedTablesEndpoint) ? 'https://st${resourceToken}.table.${storageSuffix}/' : sharedTablesEndpoint
    publicHostName: empty(publicHostName) ? '${functionAppName}.azurewebsites.net' : publicHostName
    adobePassServiceProvider: adobePassServiceProvider
    adobePassBaseUrl: adobePassBaseUrl
    adobePassManagementBaseUrl: adobePassManagementBaseUrl
    maximumInstanceCount: maximumInstanceCount
    alwaysReadyInstances: alwaysReadyInstances
  }
  // The app starts on deployment: its identity must already reach storage and Key Vault, over the private endpoints.
  dependsOn: [storageAccess, storageEndpoints, vaultEndpoint]
}

output functionAppName string = api.outputs.name
output hostName string = api.outputs.hostName
output egressPrefix string = network.outputs.egressPrefix
output storageAccountName string = storage.outputs.name
output vnetId string = network.outputs.vnetId
output privateEndpointSubnetId string = network.outputs.privateEndpointSubnetId
