using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>
/// Two private Azurites: the same seeded world (<see cref="Twins"/>) is built on each, handled once on
/// <see cref="Reference"/> and raced on <see cref="Raced"/>, and what each changed is compared.
/// </summary>
public sealed class TwinAzurites : IAsyncLifetime
{
    public AzuriteFixture Reference { get; } = new();
    public AzuriteFixture Raced { get; } = new();

    public Task InitializeAsync() => Task.WhenAll(Reference.InitializeAsync(), Raced.InitializeAsync());

    public async Task DisposeAsync()
    {
        await Reference.DisposeAsync();
        await Raced.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConcurrencyCollection : ICollectionFixture<TwinAzurites>
{
    public const string Name = "Concurrency";
}
