// The office's workbook on Application Insights: each panel's query is a file in infra/workbooks/.
param location string
param tags object
param applicationInsightsId string

var panels = [
  {
    title: 'Submissions per day against the deadline'
    query: loadTextContent('../workbooks/submissions-per-day.kql')
    visualization: 'barchart'
  }
  {
    title: 'Bands per month'
    query: loadTextContent('../workbooks/bands-per-month.kql')
    visualization: 'table'
  }
  {
    title: 'Open alerts by level'
    query: loadTextContent('../workbooks/open-alerts-by-level.kql')
    visualization: 'table'
  }
  {
    title: 'Alerts opened, escalated and resolved by rule'
    query: loadTextContent('../workbooks/alert-changes-by-rule.kql')
    visualization: 'table'
  }
  {
    title: 'Email delivery'
    query: loadTextContent('../workbooks/email-delivery.kql')
    visualization: 'barchart'
  }
  {
    title: 'Failures'
    query: loadTextContent('../workbooks/failures.kql')
    visualization: 'table'
  }
]

var items = [for (panel, i) in panels: {
    type: 3
    name: 'panel-${i}'
    content: {
      version: 'KqlItem/1.0'
      title: panel.title
      query: panel.query
      queryType: 0
      resourceType: 'microsoft.insights/components'
      visualization: panel.visualization
      size: 0
      timeContext: {
        durationMs: 7776000000 // 90 days
      }
    }
  }]

var content = {
  version: 'Notebook/1.0'
  items: items
  fallbackResourceIds: [
    applicationInsightsId
  ]
}

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // A workbook's name is a GUID: stable per resource group and Application Insights resource.
  name: guid(resourceGroup().id, applicationInsightsId, 'party-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'PartyFunctions: the office\'s view'
    category: 'workbook'
    sourceId: applicationInsightsId
    serializedData: string(content)
  }
}

output workbookId string = workbook.id
