using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: when no shard of a run is pending any more (each done or failed), write the province-wide reports and
/// mark the run completed. Reports come first and are idempotent, so a crash between the two is repaired by the next
/// shard or by a resume; the completion itself is guarded so that only one worker records it. A shard resumed after
/// completion writes the province reports again when it finishes, so they include it.
/// </summary>
public sealed class CompleteClassificationRun(
    IClassificationRunStore runs, IAnnualResultStore results, IReportStore reports, IUnitStore units, TimeProvider clock)
{
    public async Task<bool> RunAsync(string runId, CancellationToken cancellationToken)
    {
        if (await runs.HasPendingShardsAsync(runId, cancellationToken)
            || await runs.GetRunAsync(runId, cancellationToken) is not { } stored)
        {
            return false;
        }

        var year = stored.Run.Year;
        var all = await results.GetYearAsync(year, cancellationToken);
        var registry = (await units.GetAllAsync(cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        foreach (var top in registry.Values.Where(u => u.ParentId is null))
        {
            var inside = all.Where(r => registry.TryGetValue(r.UnitId, out var unit) && unit.IsWithin(top.Id)).ToList();
            await reports.SaveAsync(year, top.Id, AnnualReportRenderer.Render(top, stored.Run, inside), cancellationToken);
        }

        return !stored.Run.IsCompleted && await runs.TryCompleteAsync(stored, clock.GetUtcNow(), cancellationToken);
    }
}
