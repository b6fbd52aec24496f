using PartyFunctions.Configuration;

namespace PartyFunctions.AnnualRun;

/// <summary>One message per shard (a grassroots committee's cells); the host scales these out across instances.</summary>
public sealed class ClassifyShardFunction(ClassifyShard classify, ReportShardFailure failure)
{
    [Function("ClassifyShard")]
    public Task RunAsync(
        [QueueTrigger(StorageNames.ClassificationShardsQueue, Connection = AppSettings.StorageConnection)] ShardMessage message,
        CancellationToken cancellationToken) =>
        classify.RunAsync(message, cancellationToken);

    /// <summary>A shard that failed the host's maximum attempts: the run's status shows it; a resume sends it again.</summary>
    [Function("ClassifyShardPoison")]
    public Task PoisonAsync(
        [QueueTrigger(StorageNames.ClassificationShardsPoisonQueue, Connection = AppSettings.StorageConnection)] ShardMessage message,
        CancellationToken cancellationToken) =>
        failure.RunAsync(message, "the shard failed the host's maximum attempts (see the logs of ClassifyShard)", cancellationToken);
}
