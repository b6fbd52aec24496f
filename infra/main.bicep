// PartyFunctions: Azure resources. Resource-group scoped; later issues add the Function App,
// monitoring and Key Vault. Every setting here is safe by default.
targetScope = 'resourceGroup'

@description('Short environment name (e.g. "dev", "prod"); part of every resource name.')
@minLength(2)
@maxLength(10)
param environmentName string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Storage redundancy: Standard_LRS is enough for one office; Standard_ZRS where the region offers zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var tags = {
  'azd-env-name': environmentName
  app: 'partyfunctions'
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: 'stparty${resourceToken}'
    location: location
    sku: storageSku
    tags: tags
  }
}

output storageAccountName string = storage.outputs.name
output storageBlobEndpoint string = storage.outputs.blobEndpoint
