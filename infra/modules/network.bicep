// Network isolation (main.bicep's networkIsolation flag), as the Azure Functions azd quickstarts do with their VNet
// switch: a virtual network with a subnet the Flex Consumption app integrates with (delegated to
// Microsoft.App/environments) and a subnet for private endpoints of the storage account (blob, queue, table) and
// Key Vault, each resolved through its private DNS zone linked to the network.
param name string
param location string
param tags object
param storageAccountId string
param keyVaultId string

var privateEndpoints = [
  { group: 'blob', zone: 'privatelink.blob.${environment().suffixes.storage}', target: storageAccountId }
  { group: 'queue', zone: 'privatelink.queue.${environment().suffixes.storage}', target: storageAccountId }
  { group: 'table', zone: 'privatelink.table.${environment().suffixes.storage}', target: storageAccountId }
  { group: 'vault', zone: 'privatelink.vaultcore.azure.net', target: keyVaultId }
]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: ['10.20.0.0/16']
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.20.1.0/24'
          delegations: [
            {
              name: 'flex'
              properties: { serviceName: 'Microsoft.App/environments' }
            }
          ]
        }
      }
      {
        name: 'endpoints'
        properties: {
          addressPrefix: '10.20.2.0/24'
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [for endpoint in privateEndpoints: {
  name: endpoint.zone
  location: 'global'
  tags: tags
}]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [for (endpoint, i) in privateEndpoints: {
  parent: zones[i]
  name: '${name}-link'
  location: 'global'
  properties: {
    registrationEnabled: false
    virtualNetwork: { id: vnet.id }
  }
}]

resource endpoints 'Microsoft.Network/privateEndpoints@2024-05-01' = [for endpoint in privateEndpoints: {
  name: '${name}-${endpoint.group}'
  location: location
  tags: tags
  properties: {
    subnet: { id: '${vnet.id}/subnets/endpoints' }
    privateLinkServiceConnections: [
      {
        name: endpoint.group
        properties: {
          privateLinkServiceId: endpoint.target
          groupIds: [endpoint.group]
        }
      }
    ]
  }
}]

resource zoneGroups 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2024-05-01' = [for (endpoint, i) in privateEndpoints: {
  parent: endpoints[i]
  name: 'default'
  properties: {
    privateDnsZoneConfigs: [
      {
        name: endpoint.group
        properties: { privateDnsZoneId: zones[i].id }
      }
    ]
  }
}]

output appSubnetId string = '${vnet.id}/subnets/app'
