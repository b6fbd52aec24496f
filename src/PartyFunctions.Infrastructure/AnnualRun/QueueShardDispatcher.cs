using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>Puts one base64 JSON message per shard on <c>classification-shards</c>, a few at a time.</summary>
public sealed class QueueShardDispatcher(StorageNamespace storage) : IShardDispatcher
{
    /// <summary>
    /// A queue message holds 64 KiB, and base64 makes 4 characters of 3 bytes: 48 KiB of JSON, less a margin. A committee
    /// whose subtree would not fit (about 250 cells) is sent without it, and its shard reads it.
    /// </summary>
    public const int MaxMessageBytes = 40 * 1024;

    // Names as UTF-8, not \u escapes (a queue message is no HTML page): a Vietnamese name takes about half the bytes.
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task DispatchAsync(IReadOnlyCollection<ShardMessage> shards, CancellationToken cancellationToken)
    {
        var client = await storage.QueueAsync(StorageNames.ClassificationShardsQueue, cancellationToken);
        await Parallel.ForEachAsync(
            shards,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (shard, ct) => await client.SendMessageAsync(Body(shard), cancellationToken: ct));
    }

    /// <summary>The message's JSON, without the subtree when it would pass <see cref="MaxMessageBytes"/>.</summary>
    public static string Body(ShardMessage shard)
    {
        var json = JsonSerializer.Serialize(shard, Json);
        return Encoding.UTF8.GetByteCount(json) <= MaxMessageBytes ? json : JsonSerializer.Serialize(shard with { Subtree = null }, Json);
    }
}
