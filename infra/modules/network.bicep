// One region's network: a VNet with the Function App's integration subnet (delegated to Flex Consumption) and a subnet
// for private endpoints, and a NAT gateway on the app subnet whose public IP prefix is the region's fixed egress range:
// every call the app makes to the internet (Adobe Pass, Entra ID) leaves from an address of that prefix.
param name string
param location string
param tags object
@description('The VNet address space, e.g. 10.10.0.0/16; each region gets its own so that they can be peered later.')
param addressPrefix string
@description('Size of the egress prefix: 31 = 2 addresses, 28 = 16. Adobe allow-lists the whole prefix.')
@minValue(28)
@maxValue(31)
param egressPrefixLength int

resource egressPrefix 'Microsoft.Network/publicIPPrefixes@2024-05-01' = {
  name: 'ippre-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Regional' }
  properties: {
    prefixLength: egressPrefixLength
    publicIPAddressVersion: 'IPv4'
  }
}

resource nat 'Microsoft.Network/natGateways@2024-05-01' = {
  name: 'ng-${name}'
  location: location
  tags: tags
  sku: { name: 'Standard' }
  properties: {
    idleTimeoutInMinutes: 4
    publicIpPrefixes: [{ id: egressPrefix.id }]
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: 'vnet-${name}'
  location: location
  tags: tags
  properties: {
    addressSpace: { addressPrefixes: [addressPrefix] }
    subnets: [
      {
        // Flex Consumption's integration subnet: one address per instance, so /24 covers the plan's 100 instances.
        name: 'app'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 0)
          natGateway: { id: nat.id }
          delegations: [{ name: 'flex', properties: { serviceName: 'Microsoft.App/environments' } }]
          privateEndpointNetworkPolicies: 'Disabled'
          privateLinkServiceNetworkPolicies: 'Enabled'
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: cidrSubnet(addressPrefix, 24, 1)
          privateEndpointNetworkPolicies: 'Disabled'
          privateLinkServiceNetworkPolicies: 'Enabled'
        }
      }
    ]
  }
}

output vnetId string = vnet.id
output appSubnetId string = '${vnet.id}/subnets/app'
output privateEndpointSubnetId string = '${vnet.id}/subnets/private-endpoints'
output egressPrefix string = egressPrefix.properties.ipPrefix
output egressPrefixId string = egressPrefix.id
