// Role assignments of the Function App's identity on the shared resources (each region's storage roles are in
// region.bicep, Cosmos DB's data role in cosmos.bicep). Nothing broader than the one resource each role is for.
param keyVaultName string
param applicationInsightsName string
param identityPrincipalId string

// Built-in role definition ids (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles)
var roles = {
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultCertificateUser: 'db79e9a7-68ee-4b58-9aeb-b90e7c24fcba'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb' // App Insights ingestion with local auth off
}
var keyVaultRoles = [roles.keyVaultSecretsUser, roles.keyVaultCertificateUser]

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource keyVaultAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in keyVaultRoles: {
  name: guid(vault.id, identityPrincipalId, role)
  scope: vault
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

resource monitoringAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identityPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identityPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}
