using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Alerts;

/// <summary>
/// Turns what is due on a set of alerts (the next chain step, a "resolved" notice) into one digest per recipient for
/// one run, then records the steps on the alerts. Digests go first, alerts after: a run that crashes in between is
/// repeated with the same run id, writes the same digest ids (the outbox ignores them) and then records the steps, so
/// a step is never lost and never emailed twice.
/// </summary>
public sealed class AlertDispatcher(IAlertStore store, DigestPoster poster, AlertLinks links, PartyMetrics metrics)
{
    // recorded: alerts whose due step is stored already (opened with it taken), notified and not written again.
    public async Task<DispatchResult> DispatchAsync(
        string runId, IEnumerable<StoredAlert> alerts, DateTimeOffset now, CancellationToken cancellationToken, IReadOnlySet<AlertKey>? recorded = null)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var today = VietnamDate.DayOf(now);
        var lines = new List<(ChainStep To, DigestItem Item)>();
        var changed = new List<(Alert Alert, string ETag, bool Climbs)>();
        foreach (var (alert, etag) in alerts)
        {
            if (alert.AwaitsResolvedNotice)
            {
                lines.AddRange(alert.Alerted.Select(to => (to, Item(alert, NotificationKind.Resolved, to.Level, null))));
                changed.Add((alert.NoticeSent(now), etag, false));
            }
            else if (alert.DueStep(today) is { } step)
            {
                var to = alert.Chain[step];
                if (to.Email is not null)
                {
                    var kind = step == 0 ? AlertRules.OpeningKind(alert.Key.Rule) : to.Repeat ? NotificationKind.Repeated : NotificationKind.Escalated;
                    lines.Add((to, Item(alert, kind, to.Level, links.Acknowledge(alert.Key, to.Level, now))));
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

        // A step addressed to another unit than the alert's is that unit's office; level 1 to the cell's member is a person.
        var digests = await poster.PostAsync(runId, lines.Select(l => new DigestLine(
            new Recipient(l.To.Email!, l.To.Name, Office: l.To.RecipientUnitId != l.Item.UnitId), l.Item with { ViewUrl = ViewUrl(l.To, l.Item, now) })),
            now, cancellationToken);

        var conflicts = 0;
        var written = new List<AlertKey>();
        foreach (var (alert, etag, climbs) in changed.Where(c => recorded?.Contains(c.Alert.Key) != true))
        {
            // A conflict means an acknowledgement or resolution came in meanwhile: that state wins, the next run sees it.
            var write = await store.TryReplaceAsync(alert, etag, cancellationToken);
            conflicts += write == AlertWrite.Conflict ? 1 : 0;
            if (write == AlertWrite.Written)
            {
                // Only the copy of a run whose write landed counts the climb; a racing copy finds it stored.
                written.Add(alert.Key);
                if (climbs)
                {
                    metrics.AlertEscalated(alert.Key.Rule);
                }
            }
        }

        return new DispatchResult(digests, lines.Count, changed.Count, conflicts) { Written = written };
    }

    /// <summary>
    /// Where the recipient looks: a month's own confirm sheet for an assigned member (weak months: the score is in), the
    /// status page of the recipient's unit for that month otherwise; none for a year.
    /// </summary>
    private string? ViewUrl(ChainStep to, DigestItem item, DateTimeOffset now)
    {
        if (!ScorePeriod.TryParse(item.Period, out var period))
        {
            return null;
        }

        return item.Kind == NotificationKind.WeakMonth && to.RecipientUnitId == item.UnitId
            ? links.Confirm(item.UnitId, period, now)
            : links.Status(to.RecipientUnitId, period, now);
    }

    private static DigestItem Item(Alert alert, NotificationKind kind, int level, string? url) =>
        new(kind, alert.Key.UnitId, alert.UnitName, alert.Key.Period, alert.Key.Rule, level, alert.Detail, url);
}

/// <summary>What a dispatch did: digests written, lines in them, alerts changed, and changes lost to a concurrent update.</summary>
public sealed record DispatchResult(int Digests, int Lines, int AlertsChanged, int Conflicts)
{
    /// <summary>The alerts this dispatch itself wrote (not those a racing copy wrote first).</summary>
    public IReadOnlyList<AlertKey> Written { get; init; } = [];
}
