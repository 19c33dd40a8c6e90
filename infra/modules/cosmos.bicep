// PassBroker's shared state when the app runs in several regions: Azure Cosmos DB for Table, written in every region
// (multi-region writes), Session consistency, reached only through private endpoints and only with Entra ID (keys off).
// The app's identity gets the built-in Table data contributor role (data plane RBAC of the Table API) on the account.
// The tables are created here: with Entra ID the data plane cannot create them (docs/deployment.md).
param name string
param tags object
@description('Regions of the account, the first the preferred one for failover.')
param locations array
param identityPrincipalId string
@description('The tables the app uses (Storage:TablePrefix + each logical name; src/PassBroker.Storage/Tables/StorageTables.cs).')
param tableNames array
@description('Autoscale ceiling of each table, in RU/s (the floor is a tenth of it).')
param maxThroughput int

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: name
  location: locations[0]
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    capabilities: [{ name: 'EnableTable' }]
    locations: [for (region, i) in locations: { locationName: region, failoverPriority: i, isZoneRedundant: false }]
    enableMultipleWriteLocations: true
    enableAutomaticFailover: true
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    publicNetworkAccess: 'Disabled'
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
  }
}

resource tables 'Microsoft.DocumentDB/databaseAccounts/tables@2024-11-15' = [for table in tableNames: {
  parent: account
  name: table
  properties: {
    resource: { id: table }
    options: { autoscaleSettings: { maxThroughput: maxThroughput } }
  }
}]

// Cosmos DB Built-in Data Contributor of the Table API: read and write entities, no control plane.
resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/tableRoleDefinitions@2025-05-01-preview' existing = {
  parent: account
  name: '00000000-0000-0000-0000-000000000002'
}

resource appAccess 'Microsoft.DocumentDB/databaseAccounts/tableRoleAssignments@2025-05-01-preview' = {
  parent: account
  name: guid(account.id, identityPrincipalId, dataContributor.id)
  properties: {
    principalId: identityPrincipalId
    roleDefinitionId: dataContributor.id
    scope: account.id
  }
}

output id string = account.id
output name string = account.name
