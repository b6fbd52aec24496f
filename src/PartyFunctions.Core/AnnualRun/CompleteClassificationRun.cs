using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Classification;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: when no shard of a run is pending any more (each done or failed), write the province-wide reports, open
/// the <c>annual-weak</c> alerts, tell each committee and province office that its report is ready, and mark the run
/// completed. Reports and alerts come first and are idempotent, so a
/// crash before the completion is repaired by the next shard or by a resume; the completion itself is guarded so that
/// only one worker records it. A shard resumed after completion writes the province reports again and opens the
/// alerts of its weak cells when it finishes.
/// Several shards can find nothing pending at once (each the last of its pending counter): one of them claims the
/// completion on the run record and does the work, which at national size is tens of thousands of requests (a report
/// email per committee); the others stop. The claim names the shard, so when its worker fails or dies the shard's
/// message, redelivered (or sent to poison, which completes too), takes the completion up again; every step is
/// idempotent. A claim older than <see cref="ClaimLease"/> is anyone's (a resume long after).
/// </summary>
public sealed class CompleteClassificationRun(
    IClassificationRunStore runs,
    IAnnualResultStore results,
    IReportStore reports,
    IAnnualReportRenderer renderer,
    IUnitStore units,
    OpenAlerts alerts,
    AnnounceAnnualReports announce,
    TimeProvider clock)
{
    /// <summary>How long a completion claimed by one shard is left to that shard's message.</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(15);

    /// <summary>Completes the run if nothing is pending; <paramref name="shardId"/>: the shard whose worker asks.</summary>
    public async Task<bool> RunAsync(string runId, string shardId, CancellationToken cancellationToken)
    {
        if (await runs.HasPendingShardsAsync(runId, cancellationToken)
            || await runs.GetRunAsync(runId, cancellationToken) is not { } stored)
        {
            return false;
        }

        if (!stored.Run.IsCompleted)
        {
            var now = clock.GetUtcNow();
            if ((stored.Run.Claim is { } claim && claim.By != shardId && now - claim.At < ClaimLease)
                || await ClaimAsync(stored, shardId, now, cancellationToken) is not { } mine)
            {
                return false;
            }

            stored = mine;
        }

        var year = stored.Run.Year;
        // The year's results and the registry are independent reads, and so are the three things made of them (each
        // idempotent): side by side, the completion waits for the longest of each, not for their sum.
        var resultsRead = results.GetYearAsync(year, cancellationToken);
        var registry = (await units.GetAllAsync(cancellationToken)).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var all = await resultsRead;
        await Task.WhenAll(
            SaveTopReportsAsync(stored.Run, all, registry, cancellationToken),
            OpenWeakAlertsAsync(stored.Run, all, registry, announce.Lines(stored.Run, all, registry, clock.GetUtcNow()), cancellationToken));
        // The claim only guards the work above: a completed run keeps none, so which shard claimed it leaves no trace.
        return !stored.Run.IsCompleted && await runs.TryCompleteAsync(stored with { Run = stored.Run with { Claim = null } }, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The run record with this shard's claim, or null when another shard's landed first. A claim whose answer was lost
    /// (the SDK's repeat then meets its own write's version) reads as a conflict: the record then names this shard.
    /// </summary>
    private async Task<StoredRun?> ClaimAsync(StoredRun stored, string shardId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await runs.TryClaimCompletionAsync(stored, new CompletionClaim(shardId, now), cancellationToken)
            ?? (await runs.GetRunAsync(stored.Run.RunId, cancellationToken) is { Run.Claim.By: var by } again && by == shardId ? again : null);

    /// <summary>docs/domain.md: a unit proposed KHTNV, or whose year is Kém, gets an <c>annual-weak</c> alert for the year.</summary>
    public static bool IsWeak(AnnualResult result) =>
        result is not null && (result.Proposed == Level.Failed || result.YearBand == Band.Weak);

    private async Task SaveTopReportsAsync(
        ClassificationRun run, IReadOnlyList<AnnualResult> all, Dictionary<string, Unit> registry, CancellationToken cancellationToken)
    {
        foreach (var top in registry.Values.Where(u => u.ParentId is null))
        {
            var inside = all.Where(r => registry.TryGetValue(r.UnitId, out var unit) && unit.IsWithin(top.Id)).ToList();
            await reports.SaveAsync(run.Year, top.Id, renderer.Render(top, run, inside), cancellationToken);
        }
    }

    // The reports' lines and the weak cells' alerts go out in one digest per person: a committee's office hears of its
    // report and of its weak cells in one email. The completion can be done again (a crash, a redelivered shard, a
    // resumed one): under one run id its alerts are notified again as they were (the alert names the run that took its
    // first step), so each person's lines come out the same and, keyed by their content, make the same digest (sent
    // once); a person whose lines changed (a resumed committee's office, a new weak cell's) gets a new one, and nobody
    // else hears again.
    private async Task OpenWeakAlertsAsync(
        ClassificationRun run, IReadOnlyList<AnnualResult> all, Dictionary<string, Unit> registry, IReadOnlyList<DigestLine> reports,
        CancellationToken cancellationToken)
    {
        var period = run.Year.ToString(CultureInfo.InvariantCulture);
        var requests = all.Where(IsWeak)
            .Where(r => registry.ContainsKey(r.UnitId))
            .Select(r =>
            {
                var unit = registry[r.UnitId];
                var superiors = unit.SuperiorIds.Where(registry.ContainsKey).Select(id => registry[id]).ToList();
                return new AlertRequest(new AlertKey(AlertRules.AnnualWeak, r.UnitId, period), Detail(r), unit, superiors);
            })
            .ToList();
        await alerts.RunAsync($"{run.RunId}-done", requests, cancellationToken, reports, keyedByContent: true);
    }

    private static string Detail(AnnualResult r) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Năm {r.Year}: đề xuất {r.Proposed.Code()}, {r.Weak}/{r.Required} tháng Kém / proposed {r.Proposed.Code()}, {r.Weak} weak months.");
}
