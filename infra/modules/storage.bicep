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

@description('The submissions archive: the audit record, kept immutable (version-level WORM) for archiveRetentionDays.')
param archiveContainer string

@minValue(1)
param archiveRetentionDays int

@description('The sign-in throttle\'s container: its blobs are deleted a day after their last write.')
param signInClientsContainer string

@description('Log Analytics workspace receiving the reads, writes and deletes of every service.')
param workspaceId string

@description('Private endpoints only (network.bicep): no public network access.')
param networkIsolation bool

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
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
    }
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
      // Archived submissions and evidence must survive an accidental delete; every overwrite keeps a version.
      deleteRetentionPolicy: { enabled: true, days: 30 }
      containerDeleteRetentionPolicy: { enabled: true, days: 30 }
      isVersioningEnabled: true
    }

    resource container 'containers' = [for container in containers: {
      name: container
      properties: {
        publicAccess: 'None'
        // Version-level WORM on the archive: no identity, the app's included, can change or delete a submission
        // before its retention ends.
        immutableStorageWithVersioning: container == archiveContainer ? { enabled: true } : null
      }
    }]
  }

  resource managementPolicy 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'forget-signin-clients'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${signInClientsContainer}/']
              }
              actions: {
                baseBlob: { delete: { daysAfterModificationGreaterThan: 1 } }
                version: { delete: { daysAfterCreationGreaterThan: 1 } }
              }
            }
          }
        ]
      }
    }
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

resource archiveImmutability 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2023-05-01' = {
  name: '${account.name}/default/${archiveContainer}/default'
  dependsOn: [
    account::blobService::container
  ]
  properties: {
    immutabilityPeriodSinceCreationInDays: archiveRetentionDays
    allowProtectedAppendWrites: false
  }
}

// Reads, writes and deletes of each service, and the account's transactions, to Log Analytics (the audit trail).
var serviceLogs = [
  { category: 'StorageRead', enabled: true }
  { category: 'StorageWrite', enabled: true }
  { category: 'StorageDelete', enabled: true }
]

resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account::blobService
  properties: {
    workspaceId: workspaceId
    logs: serviceLogs
  }
}

resource queueDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account::queueService
  properties: {
    workspaceId: workspaceId
    logs: serviceLogs
  }
}

resource tableDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account::tableService
  properties: {
    workspaceId: workspaceId
    logs: serviceLogs
  }
}

resource accountDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: account
  properties: {
    workspaceId: workspaceId
    metrics: [
      { category: 'Transaction', enabled: true }
    ]
  }
}

output id string = account.id
output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
output queueEndpoint string = account.properties.primaryEndpoints.queue
output tableEndpoint string = account.properties.primaryEndpoints.table
