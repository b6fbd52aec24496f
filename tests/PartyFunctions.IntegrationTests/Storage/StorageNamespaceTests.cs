using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageNamespaceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Tables_and_containers_carry_the_one_prefix_containers_in_lower_case()
    {
        var prefix = "N" + Guid.NewGuid().ToString("N")[..10];
        var clients = StorageClients.FromConfiguration(azurite.Configuration());
        var storage = StorageNamespace.Create(clients, prefix);

        var table = await storage.TableAsync("Things");
        var container = await storage.ContainerAsync("things");

        Assert.Equal(prefix + "Things", table.Name);
        Assert.Equal(prefix.ToLowerInvariant() + "things", container.Name);
        Assert.True((await container.ExistsAsync()).Value);
        Assert.Contains(clients.Tables.QueryAsync(t => t.Name == prefix + "Things").ToBlockingEnumerable(), t => t.Name == table.Name);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("a-b")]
    [InlineData("abcdefghijabcdefghijabcdefghijX")]
    public void A_prefix_that_is_not_letters_and_digits_starting_with_a_letter_is_a_configuration_error(string prefix)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageNamespace.Create(StorageClients.FromConfiguration(azurite.Configuration()), prefix));

        Assert.Contains(StorageNamespace.PrefixSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_creation_is_not_remembered_the_next_call_creates_the_table()
    {
        var faults = new FailNextCalls { Remaining = 10 };
        var clients = StorageClients.FromConfiguration(azurite.Configuration(), [new StoragePipelinePolicy(faults)]);
        var storage = StorageNamespace.Create(clients, "F" + Guid.NewGuid().ToString("N")[..10]);

        await Assert.ThrowsAsync<RequestFailedException>(() => storage.TableAsync("Things"));
        faults.Remaining = 0;
        var table = await storage.TableAsync("Things");

        await table.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("p", "r"));
    }

    /// <summary>Answers 503 to the next <see cref="Remaining"/> requests, more than the SDK's retries.</summary>
    private sealed class FailNextCalls : HttpPipelinePolicy
    {
        public int Remaining { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The app's storage calls are asynchronous.");

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Remaining-- > 0)
            {
                throw new RequestFailedException(503, "injected");
            }

            return ProcessNextAsync(message, pipeline);
        }
    }
}
