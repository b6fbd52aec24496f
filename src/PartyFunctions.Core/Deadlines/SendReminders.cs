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
    MonthRoster roster, IOutbox outbox, IDigestScheduler scheduler, IRunMarkers markers, AppBaseUrl baseUrl, TimeProvider clock)
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
        var digests = 0;
        var missing = month.Cells.Where(c => c.Score is null).ToList();
        foreach (var secretary in missing.Where(c => !string.IsNullOrWhiteSpace(c.Cell.SecretaryEmail))
                     .GroupBy(c => c.Cell.SecretaryEmail!.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            var id = DigestId.For(occasion.RunId, secretary.Key);
            // The form needs the cell's access code, so its link carries no signature: it only fills in the unit.
            var items = secretary.Select(c => new DigestItem(
                NotificationKind.Reminder, c.Cell.Id, c.Cell.Name, occasion.Period.ToString(), Rule: Job,
                ActionUrl: baseUrl.Combine($"api/form?unit={Uri.EscapeDataString(c.Cell.Id)}"))).ToList();
            await outbox.AddAsync(new Digest(id, new Recipient(secretary.Key), Digest.Vietnamese, now, items), cancellationToken);
            await scheduler.ScheduleAsync(DigestMessage.For(id), TimeSpan.Zero, cancellationToken);
            digests++;
        }

        await markers.MarkDoneAsync(Job, key, $"{missing.Count} cells reminded, {digests} digests", cancellationToken);
        return new RunOutcome(occasion.RunId, false, missing.Count, digests);
    }
}
