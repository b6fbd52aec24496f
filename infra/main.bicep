// PartyFunctions in one resource group: storage, monitoring, Key Vault, identity, roles and the Function App.
// Deploy with `azd up` or `az deployment group create` (docs/deploy.md). Every default here is safe.
targetScope = 'resourceGroup'

import { resourceNames } from 'names.bicep'

@description('Environment name as azd accepts it (e.g. "dev", "prod", "party-staging"): letters, digits and hyphens; its first 32 characters are part of the resource names (names.bicep).')
@minLength(2)
@maxLength(64)
param environmentName string

@description('Azure region; defaults to the resource group\'s.')
param location string = resourceGroup().location

@description('Storage redundancy: Standard_LRS is enough for one office; Standard_ZRS where the region has zones.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Sender address of every email (a SendGrid verified sender).')
param senderAddress string

@description('Administrators\' mailbox: delivery failures and poison messages go there.')
param adminMailbox string

@description('true on staging: SendGrid checks each email and delivers none.')
param emailSandboxMode bool = false

@description('Public base URL for links in emails; empty means the Function App\'s own https address.')
param linksBaseUrl string = ''

@description('Timer schedules, NCRONTAB with seconds, in UTC (Vietnam is UTC+7).')
param schedules object = {
  reminders: '0 0 1 2,5 * *' // 08:00 ICT on the 2nd (D-3) and the 5th (D0)
  cutoff: '0 5 17 8 * *' // 00:05 ICT on the 9th, once the 8th (D+3) is over
  escalation: '0 0 1 * * *' // 08:00 ICT daily
  annualClassification: '0 0 19 14 12 *' // 02:00 ICT on 15 December
}

@description('Memory of each Flex Consumption instance, in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Upper bound of Flex Consumption instances: bounds cost and the load on storage.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 90

@secure()
@minLength(44)
@description('Base64 of at least 32 random bytes, e.g. `openssl rand -base64 32`; signs the links in emails. No default.')
param linkSigningKey string

@secure()
@description('During a key rotation, the key before it: it still verifies links already sent (they live up to 60 days), never signs. Empty when none.')
param previousLinkSigningKey string = ''

@description('Object id of the administrator deploying (azd fills AZURE_PRINCIPAL_ID): may then set the SendGrid key.')
param deployerPrincipalId string = ''

@description('What deployerPrincipalId is: a person (User) locally, a ServicePrincipal under OIDC in CI (AZURE_PRINCIPAL_TYPE).')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string = 'User'

@description('Key Vault purge protection: a deleted vault cannot be purged for 90 days, so its name cannot be reused in that time. On for production; off by default so that `azd down` and `azd up` work on a dev environment.')
param keyVaultPurgeProtection bool = false

@description('Where the Azure Monitor alerts go (docs/operations.md); empty means the administrators\' mailbox.')
param alertEmail string = ''

@description('HTTP 5xx answers in 15 minutes above which the administrators are alerted; a healthy app answers none.')
@minValue(1)
param http5xxThreshold int = 10

@description('Client id of the Entra ID app registration administrators sign in to (docs/deploy.md, step 1). Set, it turns on App Service Authentication: the admin endpoints then need the PartyAdmin app role as well as a function key. Empty leaves them behind function keys only.')
param adminAppClientId string = ''

@description('Network isolation: storage and Key Vault reachable only through private endpoints in a virtual network the app integrates with (modules/network.bicep). Off by default, as in the Azure Functions azd quickstarts.')
param networkIsolation bool = false

@description('Days each archived submission stays immutable (version-level WORM): no one, the app included, can change or delete it before then. An unlocked policy; lock it by hand once the value is final (docs/security.md).')
@minValue(1)
param archiveRetentionDays int = 1825

@description('Where emails go: "sendgrid" (digests wait, pending, until the SendGrid key is in the vault), or "none" to send nothing and keep every digest pending (a rehearsal environment).')
@allowed([
  'sendgrid'
  'none'
])
param emailSink string = 'sendgrid'

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var names = resourceNames(environmentName, resourceToken)
var tags = {
  'azd-env-name': environmentName
  app: 'partyfunctions'
}
// The storage the app uses; tests check these against the names in the code.
var storageNames = loadJsonContent('storage-names.json')
var deploymentContainerName = 'app-package'

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    sku: storageSku
    tags: tags
    containers: concat([deploymentContainerName], storageNames.containers)
    queues: storageNames.queues
    tables: storageNames.tables
    archiveContainer: 'archive'
    archiveRetentionDays: archiveRetentionDays
    signInClientsContainer: 'signin-clients'
    workspaceId: monitoring.outputs.workspaceId
    networkIsolation: networkIsolation
  }
}

module network 'modules/network.bicep' = if (networkIsolation) {
  name: 'network'
  params: {
    name: names.network
    location: location
    tags: tags
    storageAccountId: storage.outputs.id
    keyVaultId: keyVault.outputs.id
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    workspaceName: names.workspace
    insightsName: names.insights
    location: location
    tags: tags
    retentionInDays: logRetentionDays
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    actionGroupName: names.actionGroup
    rulePrefix: names.alerts
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: empty(alertEmail) ? adminMailbox : alertEmail
    http5xxThreshold: http5xxThreshold
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    name: names.keyVault
    purgeProtection: keyVaultPurgeProtection
    location: location
    tags: tags
    linkSigningKey: linkSigningKey
    previousLinkSigningKey: previousLinkSigningKey
    workspaceId: monitoring.outputs.workspaceId
    networkIsolation: networkIsolation
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  // The app must not start before its identity may read storage and secrets.
  dependsOn: [
    roles
  ]
  params: {
    planName: names.plan
    siteName: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: keyVault.outputs.uri
    linkSigningKeySecretName: keyVault.outputs.linkSigningKeySecretName
    previousLinkSigningKeySecretName: keyVault.outputs.previousLinkSigningKeySecretName
    sendGridApiKeySecretName: keyVault.outputs.sendGridApiKeySecretName
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    linksBaseUrl: linksBaseUrl
    adminAppClientId: adminAppClientId
    workspaceId: monitoring.outputs.workspaceId
    subnetId: networkIsolation ? network!.outputs.appSubnetId : ''
    appSettings: {
      Schedules__Reminders: schedules.reminders
      Schedules__Cutoff: schedules.cutoff
      Schedules__Escalation: schedules.escalation
      Schedules__AnnualClassification: schedules.annualClassification
      Email__From: senderAddress
      Email__AdminMailbox: adminMailbox
      Email__Sink: emailSink
      Email__SandboxMode: string(emailSandboxMode)
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
// The postprovision hook waits for this identity's role assignments to apply (scripts/wait-for-role-assignments.sh).
output AZURE_APP_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output SENDGRID_SECRET_NAME string = keyVault.outputs.sendGridApiKeySecretName
