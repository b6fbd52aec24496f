// The Function App on the Flex Consumption plan: .NET 10 isolated worker, HTTPS only, no FTP or basic
// publishing credentials, storage reached with the user-assigned identity, secrets as Key Vault references.
param planName string
param siteName string
param location string
param tags object
param identityId string
param identityClientId string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerName string
param applicationInsightsConnectionString string
param keyVaultUri string
param linkSigningKeySecretName string
param previousLinkSigningKeySecretName string
param sendGridApiKeySecretName string

@description('Public base URL for links in emails; empty means the app\'s own https address.')
param linksBaseUrl string

@description('Non-secret app settings, by app setting name.')
param appSettings object

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

var platformSettings = {
  // Identity-based host storage: no account key anywhere.
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  Email__SendGridApiKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${sendGridApiKeySecretName}/)'
  Links__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${linkSigningKeySecretName}/)'
  Links__PreviousSigningKey: '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${previousLinkSigningKeySecretName}/)'
  Links__BaseUrl: empty(linksBaseUrl) ? 'https://${siteName}.azurewebsites.net' : linksBaseUrl
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: siteName
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      // No ftpsState: Flex Consumption rejects it (ARM 51021); FTP is off through the ftp policy below.
      http20Enabled: true
      appSettings: [for setting in items(union(appSettings, platformSettings)): {
        name: setting.key
        value: setting.value
      }]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
