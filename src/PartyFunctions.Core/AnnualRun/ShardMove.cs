namespace PartyFunctions.AnnualRun;

/// <summary>
/// What moving a shard's state came to: whether this call moved it, and whether the run may have nothing pending now.
/// <see cref="MayBeLast"/> is false only when the store saw the shard's own pending counter still above zero after the
/// move: then some shard is surely pending and the completion check can be skipped (it is asked about 16 times per run,
/// not once per shard).
/// </summary>
public sealed record ShardMove(bool Moved, bool MayBeLast);
