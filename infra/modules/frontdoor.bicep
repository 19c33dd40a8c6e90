// Azure Front Door (Standard) in front of the regions' apps: one endpoint, one origin group probing /api/health, every
// origin at the same priority and weight, so each request goes to the fastest healthy region (latency routing).
// The origins are the apps' default host names, known from their names, so Front Door is created before the apps
// and the apps can be told its host name (their public address for redirects and the second-screen page).
param name string
param tags object
param originHostNames array

resource profile 'Microsoft.Cdn/profiles@2024-09-01' = {
  name: name
  location: 'global'
  tags: tags
  sku: { name: 'Standard_AzureFrontDoor' }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-09-01' = {
  parent: profile
  name: name
  location: 'global'
  tags: tags
  properties: { enabledState: 'Enabled' }
}

resource apps 'Microsoft.Cdn/profiles/originGroups@2024-09-01' = {
  parent: profile
  name: 'api'
  properties: {
    // Latency routing: among healthy origins, those within 50 ms of the fastest share the traffic.
    loadBalancingSettings: { sampleSize: 4, successfulSamplesRequired: 3, additionalLatencyInMilliseconds: 50 }
    healthProbeSettings: {
      probePath: '/api/health'
      probeRequestType: 'GET'
      probeProtocol: 'Https'
      probeIntervalInSeconds: 30
    }
    sessionAffinityState: 'Disabled'
  }
}

resource origins 'Microsoft.Cdn/profiles/originGroups/origins@2024-09-01' = [for (host, i) in originHostNames: {
  parent: apps
  name: 'region-${i}'
  properties: {
    hostName: host
    originHostHeader: host
    httpPort: 80
    httpsPort: 443
    priority: 1
    weight: 1000
    enabledState: 'Enabled'
    enforceCertificateNameCheck: true
  }
}]

resource route 'Microsoft.Cdn/profiles/afdEndpoints/routes@2024-09-01' = {
  parent: endpoint
  name: 'api'
  properties: {
    originGroup: { id: apps.id }
    supportedProtocols: ['Http', 'Https']
    httpsRedirect: 'Enabled'
    patternsToMatch: ['/*']
    forwardingProtocol: 'HttpsOnly'
    linkToDefaultDomain: 'Enabled'
    enabledState: 'Enabled'
  }
  dependsOn: [origins]
}

output hostName string = endpoint.properties.hostName
output frontDoorId string = profile.properties.frontDoorId
