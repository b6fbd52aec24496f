// Every resource name in one place, so that a test can evaluate them with the real compiler for any environment name.
// azd accepts environment names of up to 64 letters, digits and hyphens; the tightest limit here is the Function App's
// and the plan's (60 characters), so names carry at most the first 32 characters of the environment name. The token
// is a hash of the whole environment name, resource group and subscription, so names that differ only after the cut
// stay apart. Storage (3-24 lower-case letters and digits) and Key Vault (3-24) are globally unique: token only.
// Limits: https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules

// The environment name as names carry it: its first 32 characters, without a hyphen left dangling by the cut.
func stem(environmentName string) string => 'party-${endsWith(take(environmentName, 32), '-') ? take(environmentName, 31) : take(environmentName, 32)}'

@export()
@description('Resource names for an environment; resourceToken is the 13 lower-case characters of uniqueString.')
func resourceNames(environmentName string, resourceToken string) object => {
  identity: 'id-${stem(environmentName)}-${resourceToken}'
  storage: 'stparty${resourceToken}'
  workspace: 'log-${stem(environmentName)}-${resourceToken}'
  insights: 'appi-${stem(environmentName)}-${resourceToken}'
  keyVault: 'kv-party-${resourceToken}'
  plan: 'plan-${stem(environmentName)}-${resourceToken}'
  functionApp: 'func-${stem(environmentName)}-${resourceToken}'
  actionGroup: 'ag-${stem(environmentName)}-${resourceToken}'
  // The alert rules' names start with this, then the rule ('-poison', '-http-5xx', ...: modules/alerts.bicep).
  alerts: 'alert-${stem(environmentName)}-${resourceToken}'
  network: 'vnet-${stem(environmentName)}-${resourceToken}'
}
