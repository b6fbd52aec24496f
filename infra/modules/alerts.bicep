// What the administrators are told, and by whom: one action group (email) and the log alert rules on Application
// Insights. Each rule's query is in infra/alerts/*.kql; docs/operations.md says what each means and what to do.
param actionGroupName string
param rulePrefix string
param location string
param tags object
param applicationInsightsId string

@description('Where the alerts go.')
param alertEmail string

@description('HTTP 5xx answers in 15 minutes above which the 5xx rule fires.')
@minValue(1)
param http5xxThreshold int

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'party-ops'
    enabled: true
    emailReceivers: [
      {
        name: 'administrators'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// Every rule counts the rows its query returns over its window and fires above its threshold.
var rules = [
  {
    name: 'poison'
    displayName: 'PartyFunctions: a message reached a poison queue'
    description: 'A queue message failed every attempt and was moved to a -poison queue (docs/operations.md, "What you will be told").'
    severity: 1
    query: loadTextContent('../alerts/poison-messages.kql')
    frequency: 'PT15M'
    window: 'PT15M'
    threshold: 0
  }
  {
    name: 'digests-failing'
    displayName: 'PartyFunctions: digests failing'
    description: 'Digests recorded as undeliverable, or SendGrid refusing the API key (401/403).'
    severity: 1
    query: loadTextContent('../alerts/digests-failing.kql')
    frequency: 'PT15M'
    window: 'PT1H'
    threshold: 0
  }
  {
    name: 'http-5xx'
    displayName: 'PartyFunctions: HTTP 5xx answers'
    description: 'More HTTP 5xx answers in 15 minutes than the threshold (the health endpoint aside).'
    severity: 2
    query: loadTextContent('../alerts/http-5xx.kql')
    frequency: 'PT5M'
    window: 'PT15M'
    threshold: http5xxThreshold
  }
  {
    name: 'pending-shards'
    displayName: 'PartyFunctions: classification run with pending shards'
    description: 'A classification run started more than 2 hours ago still has shards neither done nor failed.'
    severity: 2
    query: loadTextContent('../alerts/pending-shards.kql')
    frequency: 'PT1H'
    window: 'P2D'
    threshold: 0
  }
  {
    name: 'late-timers'
    displayName: 'PartyFunctions: late timers'
    description: 'The daily heartbeat check found timers more than a day behind their schedule.'
    severity: 2
    query: loadTextContent('../alerts/late-timers.kql')
    frequency: 'PT1H'
    window: 'P1D'
    threshold: 0
  }
]

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: '${rulePrefix}-${rule.name}'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: rule.displayName
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [
      applicationInsightsId
    ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: rule.threshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    // Resolved by itself once a window passes without the condition.
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}]

output actionGroupId string = actionGroup.id
