// The app's storage account: no shared keys, TLS 1.2, no anonymous blob access.
@minLength(3)
@maxLength(24)
param name string
param location string
param sku string
param tags object

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: sku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
