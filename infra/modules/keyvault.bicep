// PassBroker's secrets (software statement, data key, admin key, metadata certificates); access by Azure RBAC only,
// no access policies. PassBroker reads them itself (Secrets:Source KeyVault), as the app's user-assigned identity,
// through a private endpoint in each region: public network access is off (see docs/deployment.md for how operators
// put the secrets in).
param name string
param location string
param tags object
@description('Days a deleted secret can be recovered (7-90).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
  }
}

output name string = vault.name
output id string = vault.id
output endpoint string = vault.properties.vaultUri
