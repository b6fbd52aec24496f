namespace PartyFunctions.AnnualRun;

/// <summary>Port: the run record and its shards' states.</summary>
public interface IClassificationRunStore
{
    Task<StoredRun?> GetRunAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Writes the run unless it exists; returns the stored one either way, and whether this call created it.</summary>
    Task<(StoredRun Run, bool Created)> AddRunAsync(ClassificationRun run, CancellationToken cancellationToken);

    /// <summary>Records the shards of a run as pending, keeping any state already recorded (idempotent).</summary>
    Task AddShardsAsync(string runId, IReadOnlyCollection<string> superiorIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<ShardState>> GetShardsAsync(string runId, CancellationToken cancellationToken);

    Task<ShardState?> GetShardAsync(string runId, string superiorId, CancellationToken cancellationToken);

    Task SetShardAsync(ShardState shard, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the shard's state unless it holds that status with that cell count already (keeping the first time and
    /// error); <see cref="ShardMove.Moved"/> when this call moved it into its status. Guarded by the row's ETag, so of two
    /// copies of a shard finishing at once one moves it and the other answers not moved.
    /// </summary>
    Task<ShardMove> MoveShardAsync(ShardState shard, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="MoveShardAsync"/>, once <paramref name="written"/> (what the new state stands for: the shard's
    /// results and report) has completed; what the move reads is asked meanwhile, so the caller waits for the longer of
    /// the two, not their sum. If <paramref name="written"/> fails, nothing is moved and its exception is thrown.
    /// </summary>
    Task<ShardMove> MoveShardAfterAsync(ShardState shard, Task written, CancellationToken cancellationToken);

    /// <summary>True while some shard of the run is neither done nor failed.</summary>
    Task<bool> HasPendingShardsAsync(string runId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that a worker takes on the run's completion, if the run is unchanged since it was read: of callers at
    /// once, one gets the run back (with its new ETag), the others null.
    /// </summary>
    Task<StoredRun?> TryClaimCompletionAsync(StoredRun run, CompletionClaim claim, CancellationToken cancellationToken);

    /// <summary>Marks the run completed if it is unchanged since it was read: only one caller wins.</summary>
    Task<bool> TryCompleteAsync(StoredRun run, DateTimeOffset at, CancellationToken cancellationToken);
}
