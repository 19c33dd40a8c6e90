// Production in two regions behind Front Door, PassBroker's tables in Cosmos DB for Table (multi-region writes):
// what `azd env set AZURE_SECONDARY_LOCATIONS westus2` adds to a production environment.
// tests/PassBroker.Infra.Tests compiles this set and checks the template against it.
using 'main.bicep'

param environmentName = 'production'
param location = 'eastus2'
param secondaryLocations = 'westus2'
param adobeEnvironment = 'production'
