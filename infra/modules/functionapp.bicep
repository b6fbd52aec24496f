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

@description('Client id of the Entra app registration administrators sign in to; empty leaves App Service Authentication off.')
param adminAppClientId string

@description('Log Analytics workspace receiving the app\'s function logs.')
param workspaceId string

@description('The subnet the app integrates with when the network is isolated; empty for none.')
param subnetId string

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
    virtualNetworkSubnetId: empty(subnetId) ? null : subnetId
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

// App Service Authentication with Entra ID (docs/deploy.md, step 1): anonymous requests still reach the cells' form,
// the links and health (each function checks its own credential); a signed-in caller's token is validated by the
// platform, which then sets x-ms-client-principal (and strips any copy a client sends), so the admin endpoints can
// require the PartyAdmin app role (docs/access.md). No client secret: administrators send a bearer token.
resource authentication 'Microsoft.Web/sites/config@2024-04-01' = if (!empty(adminAppClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: false
      unauthenticatedClientAction: 'AllowAnonymous'
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: adminAppClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            adminAppClientId
            'api://${adminAppClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'FunctionAppLogs', enabled: true }
    ]
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
