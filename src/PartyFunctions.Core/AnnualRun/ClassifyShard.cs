using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case behind the shard queue: classify the cells of one grassroots committee for the run's year. It reads the
/// committee's year of scores in one partition scan (never one query per cell), and its year of attendance records in
/// another, applies the policy engine and the quota, sets each cell's self-scores beside the observed ones, writes the
/// results and the committee's report, then records the shard as done and completes the run when
/// it was the last. Redelivered or repeated, it writes the same results.
/// </summary>
public sealed class ClassifyShard(
    IUnitStore units,
    IScoreStore scores,
    Attendance.IAttendanceStore attendance,
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
        // Everything the shard reads is independent of the rest: asked at once, so the shard waits for the longest
        // (the year's scan, in month ranges side by side when it is longer than a page; the subtree comes with the message,
        // or is one query at the path the start sent), not for their sum. The stored results carry the decisions
        // a redelivered shard's report must show; the shard's own merge-upsert keeps them in storage.
        var runRead = runs.GetRunAsync(message.RunId, cancellationToken);
        var subtreeRead = message.Subtree is { Count: > 0 } atStart ? Task.FromResult(atStart)
            : message.SuperiorPath is { } path ? units.GetSubtreeAtAsync(message.SuperiorId, path, cancellationToken)
            : units.GetSubtreeAsync(message.SuperiorId, cancellationToken);
        var bandsRead = scores.GetYearBandsAsync(message.SuperiorId, message.Year, message.Cells, cancellationToken);
        var storedRead = results.GetAsync(message.Year, message.SuperiorId, cancellationToken);
        var attendanceRead = attendance.GetOfSuperiorYearAsync(message.SuperiorId, message.Year, cancellationToken);
        var run = (await runRead)?.Run
            ?? throw new InvalidOperationException($"Run {message.RunId} does not exist; the shard cannot be classified.");
        var pack = catalog.Find(run.PackId) ?? throw new InvalidOperationException($"Pack {run.PackId} of run {run.RunId} is unknown.");
        var subtree = await subtreeRead;
        var superior = subtree.FirstOrDefault(u => u.Id == message.SuperiorId)
            ?? throw new InvalidOperationException($"Unit {message.SuperiorId} of run {run.RunId} is not in the registry.");
        var cells = subtree
            .Where(u => u.ParentId == superior.Id && u.Kind == UnitKind.Cell && u.ActiveFrom <= new DateOnly(run.Year, 12, 31))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
        var monthsByCell = (await bandsRead).ToLookup(s => s.UnitId, StringComparer.Ordinal);

        var years = cells.Select(cell => new CellYear(cell.Id, superior.Id, Months(monthsByCell[cell.Id]), cell.ActiveFrom, cell.ActiveTo)).ToList();
        var classified = Classifier.ClassifyAll(pack, years, new YearWindow(run.Year, run.ThroughMonth));
        var names = cells.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        var seen = (await attendanceRead).Where(r => r.Period.Month <= run.ThroughMonth).ToLookup(r => (r.UnitId, r.Period.Month));
        var computed = classified.Select(c => AnnualResult.From(c, names[c.UnitId], run.Year, run.RunId) with
        {
            Observed = Observed(monthsByCell[c.UnitId], seen),
        }).ToList();
        var decisions = (await storedRead).Where(r => r.Decision is not null).ToDictionary(r => r.UnitId, r => r.Decision, StringComparer.Ordinal);
        var shown = computed.Select(r => decisions.TryGetValue(r.UnitId, out var decision) ? r with { Decision = decision } : r).ToList();

        // Results and report together; the mark only once both are written, so "done" always has them. The mark's own
        // reads (the shard's row and its counter) go out beside the writes: one wait fewer per shard.
        var written = Task.WhenAll(
            results.SaveAsync(computed, cancellationToken),
            reports.SaveAsync(run.Year, superior.Id, renderer.Render(superior, run, shown), cancellationToken));
        // A redelivered shard writes the same results; its mark keeps the time it was first done.
        var move = await runs.MoveShardAfterAsync(new ShardState(run.RunId, superior.Id, ShardStatus.Done, computed.Count, clock.GetUtcNow()), written, cancellationToken);
        if (move.Moved)
        {
            metrics.ShardDone(run.RunId);
        }

        if (move.MayBeLast)
        {
            await completion.RunAsync(run.RunId, superior.Id, cancellationToken);
        }

        return computed.Count;
    }

    private static ObservedMonths Observed(IEnumerable<MonthBand> months, ILookup<(string UnitId, int Month), Attendance.AttendanceRecord> seen) =>
        new(months.OrderBy(m => m.Month)
            .Select(m => (m.Month, Scores: Attendance.SelfObserved.Of(m.SelfTotal, m.Band, seen[(m.UnitId, m.Month)])))
            .Where(m => m.Scores is not null)
            .Select(m => new ObservedMonth(m.Month, m.Scores!)));

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
