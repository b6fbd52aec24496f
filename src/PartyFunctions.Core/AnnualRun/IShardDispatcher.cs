namespace PartyFunctions.AnnualRun;

/// <summary>Port: puts shard messages on the queue that the workers scale out on.</summary>
public interface IShardDispatcher
{
    Task DispatchAsync(IReadOnlyCollection<ShardMessage> shards, CancellationToken cancellationToken);
}
