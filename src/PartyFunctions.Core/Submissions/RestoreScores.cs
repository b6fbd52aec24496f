using PartyFunctions.Organisation;

namespace PartyFunctions.Submissions;

/// <summary>
/// Use case (operations): rebuilds the months missing from the scores table out of the append-only archive. Every
/// archived request of a missing month is replayed in the order it arrived, through the same rules that decided it
/// then (<see cref="SubmitScore.ReplayAsync"/>, <see cref="ConfirmScore.ReplayAsync"/>), so a refused amendment stays
/// refused and the superior's confirmation lands on the version it confirmed. A month that has a score is never
/// touched, so running it twice, or on a healthy table, changes nothing. Notifications are not sent again.
/// </summary>
public sealed class RestoreScores(IUnitStore units, IScoreStore scores, IScoreArchive archive, SubmitScore submit, ConfirmScore confirm)
{
    public async Task<RestoreReport> RunAsync(string underUnitId, ScorePeriod? period, bool dryRun, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(underUnitId);
        var report = new RestoreReport();
        var cells = (await units.GetSubtreeAsync(underUnitId, cancellationToken)).Where(u => u.Kind == UnitKind.Cell);
        foreach (var cell in cells.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            if (cell.ParentId is not { } superiorId)
            {
                continue;
            }

            var archived = await archive.ReadAsync(cell.Id, period, cancellationToken);
            foreach (var month in archived.GroupBy(e => e.Period).OrderBy(g => g.Key.Year).ThenBy(g => g.Key.Month))
            {
                if (await scores.GetAsync(superiorId, cell.Id, month.Key, cancellationToken) is not null)
                {
                    report.Present++;
                    continue;
                }

                report.Missing.Add($"{cell.Id} {month.Key}");
                if (!dryRun)
                {
                    await ReplayAsync(cell, superiorId, month, report, cancellationToken);
                }
            }
        }

        return report;
    }

    private async Task ReplayAsync(Unit cell, string superiorId, IEnumerable<ArchiveEntry> month, RestoreReport report, CancellationToken cancellationToken)
    {
        // A confirmation is archived after the submission it confirms; the kind breaks a tie in the clock's resolution.
        foreach (var entry in month.OrderBy(e => e.ReceivedAt).ThenBy(e => e.Kind == "confirmation"))
        {
            var refusal = entry.Kind == "confirmation"
                ? await confirm.ReplayAsync(entry, superiorId, cancellationToken) ? null : "not the version it confirmed"
                : await submit.ReplayAsync(entry, cell, cancellationToken) is { Status: not SubmissionStatus.Recorded } outcome
                    ? $"{outcome.Status}: {string.Join("; ", outcome.Errors.Select(e => e.En))}"
                    : null;
            if (refusal is null)
            {
                report.Applied++;
            }
            else
            {
                report.Refused.Add($"{cell.Id} {entry.Period} {entry.Kind} {entry.ReceiptId}: {refusal}");
            }
        }

        report.Restored++;
    }
}

/// <summary>
/// What a restore found and did: months already present, months missing (cell and month; restored unless a dry run),
/// archived requests applied, and the requests refused on replay (as they were when they arrived) with why.
/// </summary>
public sealed class RestoreReport
{
    public int Present { get; set; }
    public List<string> Missing { get; } = [];
    public int Restored { get; set; }
    public int Applied { get; set; }
    public List<string> Refused { get; } = [];
}
