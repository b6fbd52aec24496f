using PartyFunctions.Concurrency;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Alerts;

/// <summary>
/// Turns what is due on a set of alerts (the next chain step, a "resolved" notice) into one digest per recipient for
/// one run, then records the steps on the alerts. Digests go first, alerts after: a run that crashes in between is
/// repeated with the same run id, writes the same digest ids (the outbox ignores them) and then records the steps, so
/// a step is never lost and never emailed twice. When an alert that asks for a plan notifies its level 1, the cell is
/// told too, with the link to its plan page.
/// </summary>
public sealed class AlertDispatcher(IAlertStore store, DigestPoster poster, AlertLinks links, PlanLinks planLinks, IUnitStore units, PartyMetrics metrics)
{
    /// <summary>
    /// Posts what is due on <paramref name="alerts"/>, and the <paramref name="extra"/> lines of the same run (the plans'
    /// reminders), in one digest per recipient. <paramref name="recorded"/>: alerts whose due step is stored already
    /// (opened with it taken), notified and not written again. <paramref name="known"/>: units the caller holds already
    /// (a run that read the registry), so a cell asked for a plan is not read again for its secretary's address.
    /// <paramref name="keyedByContent"/>: see <see cref="DigestPoster.PostAsync(string, IEnumerable{DigestLine}, DateTimeOffset, CancellationToken, bool)"/>.
    /// </summary>
    public async Task<DispatchResult> DispatchAsync(
        string runId, IEnumerable<StoredAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken, IEnumerable<DigestLine>? extra = null,
        IReadOnlySet<AlertKey>? recorded = null, IReadOnlyDictionary<string, Unit>? known = null, bool keyedByContent = false)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var cells = new List<DigestLine>(extra ?? []);
        var today = VietnamDate.DayOf(now);
        var lines = new List<(ChainStep To, DigestItem Item)>();
        var changed = new List<(Alert Alert, string ETag, bool Climbs)>();
        var askedForPlans = new List<Alert>();
        foreach (var (alert, etag) in alerts)
        {
            if (alert.AwaitsResolvedNotice)
            {
                lines.AddRange(alert.Alerted.Select(to => (to, Item(alert, NotificationKind.Resolved, to.Level, null, now))));
                changed.Add((alert.NoticeSent(now), etag, false));
            }
            else if (alert.DueStep(today) is { } step)
            {
                var to = alert.Chain[step];
                if (to.Email is not null)
                {
                    var kind = step == 0 ? AlertRules.OpeningKind(alert.Key.Rule) : to.Repeat ? NotificationKind.Repeated : NotificationKind.Escalated;
                    lines.Add((to, Item(alert, kind, to.Level, links.Acknowledge(alert.Key, to.Level, now), now)));
                }

                if (alert.StepsTaken == 0 && PlanRules.AsksForPlan(alert.Key.Rule))
                {
                    askedForPlans.Add(alert);
                }

                changed.Add((alert.Take(step, now), etag, step > 0 && !to.Repeat));
            }
            else if (alert.State == AlertState.Resolved)
            {
                // Resolved by the caller (the escalation run found its condition cleared) with nobody alerted yet, so no
                // notice to send: it must still be written, or it stays open in storage and is resolved again every day.
                changed.Add((alert, etag, false));
            }
        }

        // A cell asked for a plan hears of it too; its unit is read (side by side) only when the caller did not hold it.
        cells.AddRange((await SideBySide.SelectAsync(askedForPlans, (alert, ct) => CellLineAsync(alert, known, ct), cancellationToken)).OfType<DigestLine>());

        // A step addressed to another unit than the alert's is that unit's office; level 1 to the cell's member is a person.
        var digests = await poster.PostAsync(runId, lines.Select(l => new DigestLine(
            new Recipient(l.To.Email!, l.To.Name, Office: l.To.RecipientUnitId != l.Item.UnitId), l.Item with { ViewUrl = ViewUrl(l.To, l.Item, now) }))
            .Concat(cells), now, cancellationToken, keyedByContent);

        // Each alert is its own entity with its own index rows: written side by side, so a daily run of hundreds of alerts
        // waits for a few dozen round trips, not three per alert one after the other.
        var toWrite = changed.Where(c => recorded?.Contains(c.Alert.Key) != true).ToList();
        var writes = await SideBySide.SelectAsync(toWrite, (c, ct) => store.TryReplaceAsync(c.Alert, c.ETag, ct), cancellationToken);
        // A conflict means an acknowledgement or resolution came in meanwhile: that state wins, the next run sees it. Only
        // the copy of a run whose write landed counts the climb; a racing copy finds it stored.
        var written = toWrite.Where((_, i) => writes[i] == AlertWrite.Written).ToList();
        foreach (var (alert, _, _) in written.Where(c => c.Climbs))
        {
            metrics.AlertEscalated(alert.Key.Rule);
        }

        return new DispatchResult(digests, lines.Count + cells.Count, changed.Count, writes.Count(w => w == AlertWrite.Conflict))
        {
            Written = [.. written.Select(c => c.Alert.Key)],
        };
    }

    // The cell hears that a plan is asked of it, at its secretary's address, with its plan page.
    private async Task<DigestLine?> CellLineAsync(Alert alert, IReadOnlyDictionary<string, Unit>? known, CancellationToken cancellationToken) =>
        (known?.GetValueOrDefault(alert.Key.UnitId) ?? await units.GetAsync(alert.Key.UnitId, cancellationToken)) is { SecretaryEmail: { Length: > 0 } email } unit
            ? new DigestLine(new Recipient(email, unit.Name, Office: true), new DigestItem(
                NotificationKind.PlanRequired, unit.Id, unit.Name, alert.Key.Period, alert.Key.Rule, Detail: alert.Detail, ActionUrl: planLinks.CellPlan(alert.Key)))
            : null;

    /// <summary>
    /// Where the recipient looks: for a plan (or its overdue alert), the plan's review page for the assigned member and
    /// the office's tracker of the year for an office; a month's own confirm sheet for an assigned member (weak months:
    /// the score is in), the status page of the recipient's unit for that month otherwise; none for a year.
    /// </summary>
    private string? ViewUrl(ChainStep to, DigestItem item, DateTimeOffset now)
    {
        if (PlanRules.AsksForPlan(item.Rule) || item.Rule == AlertRules.PlanOverdue)
        {
            var key = new AlertKey(item.Rule!, item.UnitId, item.Period ?? string.Empty);
            return to.RecipientUnitId == item.UnitId || PlanRules.YearOf(key.Period) is not { } year
                ? planLinks.Review(key, to.RecipientUnitId, now)
                : planLinks.Tracker(to.RecipientUnitId, year, now);
        }

        if (!ScorePeriod.TryParse(item.Period, out var period))
        {
            return null;
        }

        return item.Kind == NotificationKind.WeakMonth && to.RecipientUnitId == item.UnitId
            ? links.Confirm(item.UnitId, period, now)
            : links.Status(to.RecipientUnitId, period, now);
    }

    /// <summary>A line of the alert; the member assigned to the unit (a step to the unit itself) also gets their desk over the unit's superior.</summary>
    private DigestItem Item(Alert alert, NotificationKind kind, int level, string? url, DateTimeOffset now) =>
        new(kind, alert.Key.UnitId, alert.UnitName, alert.Key.Period, alert.Key.Rule, level, alert.Detail, url,
            DeskUrl: alert.Chain.FirstOrDefault(s => s.Level == level) is { Email: { Length: > 0 } email } to && to.RecipientUnitId == alert.Key.UnitId
                && alert.SuperiorId.Length > 0 ? links.Desk(alert.SuperiorId, email, now) : null);
}

/// <summary>What a dispatch did: digests written, lines in them, alerts changed, and changes lost to a concurrent update.</summary>
public sealed record DispatchResult(int Digests, int Lines, int AlertsChanged, int Conflicts)
{
    /// <summary>The alerts this dispatch itself wrote (not those a racing copy wrote first).</summary>
    public IReadOnlyList<AlertKey> Written { get; init; } = [];
}
