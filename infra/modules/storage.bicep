// The app's storage account: no shared keys (identity only), TLS 1.2, no anonymous blob access,
// and the containers, queues and tables the app uses, created here so that no code needs create rights.
@minLength(3)
@maxLength(24)
param name string
param location string
param sku string
param tags object

@description('Blob containers the app and the host use, including the Flex Consumption deployment container.')
param containers string[]

@description('Queues the app uses (their -poison twins are created by the host when needed).')
param queues string[]

@description('Tables the app uses.')
param tables string[]

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
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: false
      services: {
        blob: { enabled: true }
        file: { enabled: true }
        table: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
      }
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // Archived submissions and evidence must survive an accidental delete.
      deleteRetentionPolicy: { enabled: true, days: 30 }
      containerDeleteRetentionPolicy: { enabled: true, days: 30 }
    }

    resource container 'containers' = [for container in containers: {
      name: container
      properties: {
        publicAccess: 'None'
      }
    }]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queue 'queues' = [for queue in queues: {
      name: queue
    }]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource table 'tables' = [for table in tables: {
      name: table
    }]
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
