// PassBroker's secrets (software statement, data key, admin key, metadata certificates); access by Azure RBAC only,
// no access policies. PassBroker reads them itself (Secrets:Source KeyVault), as the app's user-assigned identity.
param name string
param location string
param tags object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = vault.name
output endpoint string = vault.properties.vaultUri
