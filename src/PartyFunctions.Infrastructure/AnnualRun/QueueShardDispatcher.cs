using System.Text.Json;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>Puts one base64 JSON message per shard on <c>classification-shards</c>, a few at a time.</summary>
public sealed class QueueShardDispatcher(StorageNamespace storage) : IShardDispatcher
{
    public async Task DispatchAsync(IReadOnlyCollection<ShardMessage> shards, CancellationToken cancellationToken)
    {
        var client = await storage.QueueAsync(StorageNames.ClassificationShardsQueue, cancellationToken);
        await Parallel.ForEachAsync(
            shards,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (shard, ct) => await client.SendMessageAsync(JsonSerializer.Serialize(shard), cancellationToken: ct));
    }
}
