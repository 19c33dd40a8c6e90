// Private DNS zones linked to one region's VNet, so the app resolves each service's public name to its private
// endpoint there. One set per region (each region has its own resource group): shared services (Key Vault, Cosmos DB)
// get a private endpoint in every region, and each region's zone holds the address of its own endpoint.
param vnetId string
param zones array
param tags object

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = [for name in zones: {
  name: name
  location: 'global'
  tags: tags
}]

resource link 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (name, i) in zones: {
  parent: zone[i]
  name: 'vnet-link'
  location: 'global'
  tags: tags
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnetId }
  }
}]

output ids array = [for (name, i) in zones: zone[i].id]
