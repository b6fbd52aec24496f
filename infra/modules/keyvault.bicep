// Key Vault in RBAC mode holding the app's secrets. The link-signing key is written here; the SendGrid key
// is set by an administrator after deployment (docs/deploy.md), so it never passes through a template.
param name string
param location string
param tags object

@description('Purge protection: once on it cannot be turned off, and the vault name stays taken for 90 days after a delete.')
param purgeProtection bool

@secure()
@minLength(44)
@description('Base64 of at least 32 random bytes.')
param linkSigningKey string

@secure()
@description('The key before the last rotation, or empty.')
param previousLinkSigningKey string

@description('Log Analytics workspace receiving every secret read and change (audit events).')
param workspaceId string

@description('Private endpoint only (network.bicep): no public network access.')
param networkIsolation bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    // Omitted rather than false when off: ARM refuses false on a vault that once had it on.
    enablePurgeProtection: purgeProtection ? true : null
    publicNetworkAccess: networkIsolation ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: networkIsolation ? 'Deny' : 'Allow'
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: vault
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}

resource signingKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'LinksSigningKey'
  properties: {
    value: linkSigningKey
    contentType: 'base64'
  }
}

// Always present so the app setting's Key Vault reference always resolves: without a rotation under way it holds
// the current key again, which verifies nothing the current key does not.
resource previousSigningKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'LinksPreviousSigningKey'
  properties: {
    value: empty(previousLinkSigningKey) ? linkSigningKey : previousLinkSigningKey
    contentType: 'base64'
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output linkSigningKeySecretName string = signingKey.name
output previousLinkSigningKeySecretName string = previousSigningKey.name
output sendGridApiKeySecretName string = 'SendGridApiKey'
