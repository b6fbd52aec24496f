// Key Vault in RBAC mode holding the app's secrets. The link-signing key is written here; the SendGrid key
// is set by an administrator after deployment (docs/deploy.md), so it never passes through a template.
param name string
param location string
param tags object

@secure()
@minLength(44)
@description('Base64 of at least 32 random bytes.')
param linkSigningKey string

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
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
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

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
output linkSigningKeySecretName string = signingKey.name
output sendGridApiKeySecretName string = 'SendGridApiKey'
