using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Faults;

/// <summary>The fault sweeps get an Azurite of their own: they clear the shared outbox and queues between runs.</summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Faults";
}
