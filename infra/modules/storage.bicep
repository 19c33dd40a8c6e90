// One region's account for the Functions host (blob: leases, deployment package), Durable Functions (queues + tables:
// the task hub) and, in a single-region deployment, PassBroker's own tables. Shared-key access is disabled: every client
// authenticates with Entra ID. Public network access is off: the app reaches blob, queue and table through private
// endpoints in its VNet (region.bicep).
param name string
param location string
param tags object
param deploymentContainerName string

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Disabled'
    networkAcls: { defaultAction: 'Deny', bypass: 'None' }
    dnsEndpointType: 'Standard'
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource deployment 'containers' = {
      name: deploymentContainerName
    }
  }

  resource queues 'queueServices' = {
    name: 'default'
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

output name string = storage.name
output id string = storage.id
output deploymentContainerName string = storage::blobs::deployment.name
