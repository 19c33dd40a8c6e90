// One private endpoint for one sub-resource (blob, queue, table, vault, Table on Cosmos DB), registered in its zone.
param name string
param location string
param tags object
param subnetId string
param targetId string
@description('The sub-resource (group id): blob, queue, table, vault, Table.')
param groupId string
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: [groupId]
        }
      }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [{ name: groupId, properties: { privateDnsZoneId: privateDnsZoneId } }]
    }
  }
}
