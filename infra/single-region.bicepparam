// One region, Adobe's staging: what `azd env new staging` + `azd env set ADOBE_ENVIRONMENT staging` deploys.
// tests/PassBroker.Infra.Tests compiles this set and checks the template against it.
using 'main.bicep'

param environmentName = 'staging'
param location = 'eastus2'
param adobeEnvironment = 'staging'
