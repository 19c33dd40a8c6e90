// One region's private endpoint to the shared Cosmos DB for Table account, with its own zone in the region's resource
// group (the same account has an endpoint in every region; each region resolves it to its own).
param location string
param tags object
param resourceToken string
param vnetId string
param subnetId string
param accountId string

module dns 'privatedns.bicep' = {
  name: 'dns-cosmos-${location}'
  params: {
    vnetId: vnetId
    zones: ['privatelink.table.cosmos.azure.com']
    tags: tags
  }
}

module endpoint 'privateendpoint.bicep' = {
  name: 'pe-cosmos-${location}'
  params: {
    name: 'pe-cosmos-${resourceToken}'
    location: location
    tags: tags
    subnetId: subnetId
    targetId: accountId
    groupId: 'Table'
    privateDnsZoneId: dns.outputs.ids[0]
  }
}
