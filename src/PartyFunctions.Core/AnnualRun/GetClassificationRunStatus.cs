namespace PartyFunctions.AnnualRun;

/// <summary>Use case: where a year's run stands, for administrators (HTTP and <c>party classify-run</c>).</summary>
public sealed class GetClassificationRunStatus(IClassificationRunStore runs)
{
    public async Task<ClassificationRunStatus?> RunAsync(int year, CancellationToken cancellationToken)
    {
        var runId = ClassificationRun.IdFor(year);
        if (await runs.GetRunAsync(runId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var shards = await runs.GetShardsAsync(runId, cancellationToken);
        return new ClassificationRunStatus(
            stored.Run,
            shards.Count(s => s.Status == ShardStatus.Done),
            shards.Count(s => s.Status == ShardStatus.Pending),
            shards.Where(s => s.Status == ShardStatus.Failed).ToList(),
            shards.Sum(s => s.Cells));
    }
}

/// <summary>A run and its shards: how many done and pending, which failed (and why), how many cells classified.</summary>
public sealed record ClassificationRunStatus(
    ClassificationRun Run, int ShardsDone, int ShardsPending, IReadOnlyList<ShardState> FailedShards, int CellsClassified);
