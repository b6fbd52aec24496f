namespace PartyFunctions.AnnualRun;

/// <summary>
/// The year's classification run: one per year (id <c>annual-{year}</c>), started once by the timer or by hand, covering
/// the months up to <see cref="ThroughMonth"/> with the pack <see cref="PackId"/>, fanned out in <see cref="Shards"/>
/// shards (one per grassroots committee, so that the quota per superior is applied within one shard).
/// <see cref="Claim"/>: which shard took on the completion, and when (<see cref="CompleteClassificationRun"/>).
/// </summary>
public sealed record ClassificationRun(
    string RunId,
    int Year,
    int ThroughMonth,
    string PackId,
    int Shards,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt = null,
    CompletionClaim? Claim = null)
{
    public static string IdFor(int year) => $"annual-{year}";

    public bool IsCompleted => CompletedAt is not null;
}

/// <summary>The shard (committee id) whose worker took on a run's completion, and when.</summary>
public sealed record CompletionClaim(string By, DateTimeOffset At);

/// <summary>A stored run with the version tag that guards its completion (only one worker completes a run).</summary>
public sealed record StoredRun(ClassificationRun Run, string ETag);
