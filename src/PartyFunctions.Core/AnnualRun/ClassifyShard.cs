using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case behind the shard queue: classify the cells of one grassroots committee for the run's year. It reads the
/// committee's year of scores in one partition scan (never one query per cell), applies the policy engine and the
/// quota, writes the results and the committee's report, then records the shard as done and completes the run when
/// it was the last. Redelivered or repeated, it writes the same results.
/// </summary>
public sealed class ClassifyShard(
    IUnitStore units,
    IScoreStore scores,
    IAnnualResultStore results,
    IClassificationRunStore runs,
    IReportStore reports,
    IAnnualReportRenderer renderer,
    PolicyCatalog catalog,
    CompleteClassificationRun completion,
    PartyMetrics metrics,
    TimeProvider clock)
{
    public async Task<int> RunAsync(ShardMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Independent reads: the run and this shard's mark, waited for together.
        var markRead = runs.GetShardAsync(message.RunId, message.SuperiorId, cancellationToken);
        var run = (await runs.GetRunAsync(message.RunId, cancellationToken))?.Run
            ?? throw new InvalidOperationException($"Run {message.RunId} does not exist; the shard cannot be classified.");
        var mark = await markRead;
        var pack = catalog.Find(run.PackId) ?? throw new InvalidOperationException($"Pack {run.PackId} of run {run.RunId} is unknown.");
        var superior = await units.GetAsync(message.SuperiorId, cancellationToken)
            ?? throw new InvalidOperationException($"Unit {message.SuperiorId} of run {run.RunId} is not in the registry.");
        var cells = (await units.GetChildrenAsync(superior.Id, cancellationToken))
            .Where(u => u.Kind == UnitKind.Cell && u.ActiveFrom <= new DateOnly(run.Year, 12, 31))
            .ToList();
        var monthsByCell = (await scores.GetYearBandsAsync(superior.Id, run.Year, cancellationToken))
            .ToLookup(s => s.UnitId, StringComparer.Ordinal);

        var years = cells.Select(cell => new CellYear(cell.Id, superior.Id, Months(monthsByCell[cell.Id]), cell.ActiveFrom, cell.ActiveTo)).ToList();
        var classified = Classifier.ClassifyAll(pack, years, new YearWindow(run.Year, run.ThroughMonth));
        var names = cells.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var computed = classified.Select(c => AnnualResult.From(c, names[c.UnitId], run.Year, run.RunId)).ToList();

        await results.SaveAsync(computed, cancellationToken);
        // Re-read so that the report shows decisions already recorded on a redelivered shard.
        var saved = await results.GetAsync(run.Year, superior.Id, cancellationToken);
        await reports.SaveAsync(run.Year, superior.Id, renderer.Render(superior, run, saved), cancellationToken);
        // A redelivered shard writes the same results; its mark keeps the time it was first done.
        if ((mark is not { Status: ShardStatus.Done } || mark.Cells != computed.Count)
            && await runs.MoveShardAsync(new ShardState(run.RunId, superior.Id, ShardStatus.Done, computed.Count, clock.GetUtcNow()), cancellationToken))
        {
            metrics.ShardDone(run.RunId);
        }

        await completion.RunAsync(run.RunId, cancellationToken);
        return computed.Count;
    }

    private static MonthReport[] Months(IEnumerable<MonthBand> stored)
    {
        var months = new MonthReport[12];
        foreach (var month in stored)
        {
            months[month.Month - 1] = new MonthReport(month.Band, month.ConfirmedBand, month.EffectiveTotal);
        }

        return months;
    }
}
