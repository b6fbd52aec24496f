// Log Analytics and workspace-based Application Insights; ingestion needs Entra ID (no instrumentation key auth).
param workspaceName string
param insightsName string
param location string
param tags object

@minValue(30)
@maxValue(730)
param retentionInDays int

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: insightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output workspaceId string = workspace.id
output applicationInsightsId string = insights.id
output applicationInsightsName string = insights.name
// The connection string identifies the resource; with local auth disabled it grants nothing by itself.
output applicationInsightsConnectionString string = insights.properties.ConnectionString
