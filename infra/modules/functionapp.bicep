// The Function App on Flex Consumption (FC1), .NET 10 isolated worker, running as the user-assigned identity.
// Every connection is identity-based: AzureWebJobsStorage__* for the host and Durable, AZURE_CLIENT_ID for
// DefaultAzureCredential, PassBroker's own Key Vault reads for its secrets. The app is integrated into its region's VNet:
// storage, Key Vault (and Cosmos DB) are reached over private endpoints, and everything else leaves through the NAT
// gateway on the app subnet (network.bicep), i.e. from the region's fixed egress prefix.
param name string
param planName string
param location string
param tags object
@description('azd service name (azure.yaml); azd finds the app by the azd-service-name tag.')
param serviceName string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsName string
param keyVaultName string
param taskHubName string
param adobePassServiceProvider string
param adobePassBaseUrl string
param adobePassManagementBaseUrl string
@description('The VNet integration subnet (delegated to Microsoft.App/environments, NAT gateway attached).')
param subnetId string
@description('The table endpoint of PassBroker\'s own tables: this region\'s storage account, or Cosmos DB for Table.')
param tablesEndpoint string
@description('The public host name people and devices use: the app\'s own, or Front Door\'s when there are several regions.')
param publicHostName string
param instanceMemoryMB int = 2048
param maximumInstanceCount int
@description('Instances kept warm for the HTTP functions (0: scale from zero, the first request waits for a cold start).')
param alwaysReadyInstances int

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Regional VNet integration. Flex Consumption sends all outbound traffic into the VNet once integrated; the route-all
    // flag says so explicitly (tests/PassBroker.Infra.Tests asserts both).
    virtualNetworkSubnetId: subnetId
    vnetRouteAllEnabled: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
        alwaysReady: alwaysReadyInstances > 0 ? [{ name: 'http', instanceCount: alwaysReadyInstances }] : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      // Host storage and the Durable task hub, by identity (no connection string: shared keys are disabled)
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      DurableTaskHubName: taskHubName

      // Monitoring by identity (the component has local auth disabled)
      APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'

      // DefaultAzureCredential picks the user-assigned identity; Key Vault for PassBroker's secret stores
      AZURE_CLIENT_ID: identityClientId
      AZURE_KEY_VAULT_ENDPOINT: vault.properties.vaultUri
      AZURE_STORAGE_TABLE_ENDPOINT: tablesEndpoint

      // PassBroker
      AdobePass__BaseUrl: adobePassBaseUrl
      AdobePass__ServiceProvider: adobePassServiceProvider
      AdobePass__ManagementBaseUrl: adobePassManagementBaseUrl
      // Secrets are read by PassBroker itself from AZURE_KEY_VAULT_ENDPOINT (cached, versioned), not as Key Vault
      // references: the data key needs its older versions too, and a rotation must not need a restart.
      // Names: software-statement, admin-api-key, data-key, metadata-certificate (+ -backup); see the README.
      Secrets__Source: 'KeyVault'
      // PassBroker's own tables, by the same identity (an endpoint, never a key: shared keys are disabled)
      Storage__ConnectionString: tablesEndpoint
      SignIn__RedirectUrl: 'https://${publicHostName}/authn/done'
      SignIn__LogoutRedirectUrl: 'https://${publicHostName}/authn/signed-out'
      SignIn__DomainName: publicHostName
      SecondScreen__PublicBaseUrl: 'https://${publicHostName}'
      // The retention purge's timer (NCRONTAB with seconds); the retention periods keep their defaults (README).
      RetentionPurgeSchedule: '0 */5 * * * *'
      // The worker trusts X-Forwarded-For only from the Functions host, its one hop over loopback, which sets it to the
      // caller's address (the app's default; stated here so the deployment says whom it trusts). See the README.
      Http__PlatformProxy: 'FunctionsHost'
    }
  }
}

output name string = app.name
output hostName string = app.properties.defaultHostName
output uri string = 'https://${app.properties.defaultHostName}'
