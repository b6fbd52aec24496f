using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;

namespace PartyFunctions.Deadlines;

/// <summary>
/// Use case (timer): on D-3 and D0 each required cell without a score for the month gets one reminder, in a digest to
/// its secretary. Once per occasion: the run marker (<c>reminders</c>, <c>2025-11-d-3</c>) makes a second run a no-op.
/// </summary>
public sealed class SendReminders(
    MonthRoster roster, DigestPoster poster, IRunMarkers markers, AppBaseUrl baseUrl, TimeProvider clock)
{
    public const string Job = "reminders";

    public async Task<RunOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (ReminderOccasion.On(VietnamDate.DayOf(now)) is not { } occasion)
        {
            return RunOutcome.NotDue;
        }

        var key = $"{occasion.Period}-{occasion.Name}";
        if (await markers.IsDoneAsync(Job, key, cancellationToken))
        {
            return RunOutcome.AlreadyDone(occasion.RunId);
        }

        var month = await roster.ForAllAsync(occasion.Period, cancellationToken);
        var missing = month.Cells.Where(c => c.Score is null).ToList();
        // The form needs the cell's access code, so its link carries no signature: it only fills in the unit.
        var lines = missing.Where(c => !string.IsNullOrWhiteSpace(c.Cell.SecretaryEmail)).Select(c => new DigestLine(
            new Recipient(c.Cell.SecretaryEmail!),
            new DigestItem(NotificationKind.Reminder, c.Cell.Id, c.Cell.Name, occasion.Period.ToString(), Rule: Job,
                ActionUrl: baseUrl.Combine($"{Routes.Path(Routes.Form)}?unit={Uri.EscapeDataString(c.Cell.Id)}"))));
        var digests = await poster.PostAsync(occasion.RunId, lines, now, cancellationToken);

        await markers.MarkDoneAsync(Job, key, $"{missing.Count} cells reminded, {digests} digests", cancellationToken);
        return new RunOutcome(occasion.RunId, false, missing.Count, digests);
    }
}
