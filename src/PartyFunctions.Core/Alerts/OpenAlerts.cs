using PartyFunctions.Concurrency;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case: opens alerts and notifies their first level in the caller's run. The cut-off opens <c>overdue</c> alerts
/// with it, the score events <c>weak-month</c> and <c>needs-consolidation</c>, the annual run (issue 7)
/// <c>annual-weak</c>. Opening a key that exists changes nothing (the same alert, whatever its state): a repeated run
/// opens nothing twice. The chain is copied from the registry and <see cref="EscalationPolicy"/> now.
/// </summary>
public sealed class OpenAlerts(
    IAlertStore store, IUnitStore units, EscalationPolicy policy, AlertDispatcher dispatcher, PartyMetrics metrics, TimeProvider clock)
{
    /// <summary>
    /// Opens the alerts (idempotent) and sends their level-1 notifications in the digests of <paramref name="runId"/>,
    /// with the caller's <paramref name="extra"/> lines of the same run (one digest per recipient for both), keyed by
    /// their content when <paramref name="keyedByContent"/> (<see cref="DigestPoster"/>).
    /// </summary>
    public async Task<OpenAlertsResult> RunAsync(
        string runId, IReadOnlyList<AlertRequest> requests, CancellationToken cancellationToken, IEnumerable<DigestLine>? extra = null, bool keyedByContent = false)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var now = clock.GetUtcNow();
        // Each request's unit and superiors, when the caller did not hold them, read side by side.
        var found = await SideBySide.SelectAsync(requests, async (request, ct) =>
            (request.Unit ?? await units.GetAsync(request.Key.UnitId, ct)) is { } unit
                ? (Unit: unit, Superiors: request.Superiors ?? await units.GetSuperiorsAsync(unit.Id, ct))
                : (Unit: (Unit?)null, Superiors: (IReadOnlyList<Unit>)[]), cancellationToken);

        // An alert whose first step is due at once is added with it taken: the insert, its active index row and the row
        // of the one person notified, where an insert, its index, a replace and its index rows took 5 requests; the
        // store writes the index rows of all the alerts added together. The digest is posted after the inserts; a repeat
        // of the run (the same digest ids) finds the alert marked with the run and posts it again, so a crash in between
        // loses no notification and sends none twice.
        var today = VietnamDate.DayOf(now);
        var candidates = requests.Zip(found).Where(r => r.Second.Unit is not null).Select(r =>
        {
            var (request, (unit, superiors)) = r;
            var open = Alert.Open(request.Key, unit!, policy.ChainFor(request.Key.Rule, unit!, superiors), now, request.Detail);
            return (Open: open, Step: open.DueStep(today));
        }).DistinctBy(c => c.Open.Key).ToList();
        var added = await store.TryAddAllAsync(
            [.. candidates.Select(c => c.Step is { } step ? c.Open.Take(step, now) with { StepTakenAtOpenBy = runId } : c.Open)], cancellationToken);
        var outcomes = await SideBySide.SelectAsync([.. candidates.Zip(added)], async (c, ct) =>
        {
            var ((open, step), stored) = c;
            if (stored is not null)
            {
                // Insert-only: of two copies opening one key, one adds it and counts it.
                metrics.AlertOpened(open.Key.Rule);
                return step is null ? new Opening(stored, false) : new Opening(stored with { Alert = open }, true);
            }

            return await store.GetAsync(open.Key, ct) switch
            {
                { Alert: { StepTakenAtOpenBy: { } by, StepsTaken: var taken } } existing when step is { } due && by == runId && taken == due + 1 =>
                    new Opening(existing with { Alert = open }, true),
                { Alert: { State: AlertState.Open, StepsTaken: 0 } } existing => new Opening(existing, false),
                _ => null,
            };
        }, cancellationToken);

        // Alerts this run opened, and ones a crashed earlier attempt opened but did not notify, get their level 1 now;
        // those opened with the step taken are only notified.
        var opened = outcomes.OfType<Opening>().ToList();
        var recorded = opened.Where(o => o.Recorded).Select(o => o.Alert.Alert.Key).ToHashSet();
        // The units are in hand (given or read above): the dispatcher need not read a cell again for its plan email.
        var known = found.Select(f => f.Unit).OfType<Unit>().DistinctBy(u => u.Id, StringComparer.Ordinal).ToDictionary(u => u.Id, StringComparer.Ordinal);
        var dispatch = await dispatcher.DispatchAsync(runId, opened.Select(o => o.Alert), now, cancellationToken, extra, recorded, known, keyedByContent);
        return new OpenAlertsResult(opened.Count, found.Count(f => f.Unit is null), dispatch);
    }

    /// <summary>Opens one alert without notifying anyone yet (the next escalation run does): for events handled one by one.</summary>
    public async Task<StoredAlert?> OpenQuietlyAsync(AlertKey key, Unit unit, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var superiors = await units.GetSuperiorsAsync(unit.Id, cancellationToken);
        return await OpenAsync(Alert.Open(key, unit, policy.ChainFor(key.Rule, unit, superiors), clock.GetUtcNow(), detail), cancellationToken);
    }

    /// <summary>
    /// As <see cref="OpenQuietlyAsync"/>, and opens again an alert of the key that was resolved and whose notice went
    /// (<see cref="Alert.Renew"/>): the caller's dispatch writes it under the ETag returned, so of two runs renewing
    /// it one writes. Not counted as opened: a racing copy could not tell.
    /// </summary>
    public async Task<StoredAlert?> OpenOrRenewQuietlyAsync(AlertKey key, Unit unit, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (await OpenQuietlyAsync(key, unit, detail, cancellationToken) is { } opened)
        {
            return opened;
        }

        return await store.GetAsync(key, cancellationToken) is { Alert: { State: AlertState.Resolved, AwaitsResolvedNotice: false } resolved } stored
            ? stored with { Alert = resolved.Renew(policy.ChainFor(unit, await units.GetSuperiorsAsync(unit.Id, cancellationToken)), clock.GetUtcNow(), detail) }
            : null;
    }

    // The new alert, or the existing one while it has not notified anyone; null when the key was opened before.
    private async Task<StoredAlert?> OpenAsync(Alert open, CancellationToken cancellationToken)
    {
        if (await store.TryAddAsync(open, cancellationToken) is { } added)
        {
            // Insert-only: of two copies opening one key, one adds it and counts it.
            metrics.AlertOpened(open.Key.Rule);
            return added;
        }

        var existing = await store.GetAsync(open.Key, cancellationToken);
        return existing is { Alert: { State: AlertState.Open, StepsTaken: 0 } } ? existing : null;
    }
}

/// <summary>
/// An alert to open: its key, an optional line of detail for the email, and optionally the unit and its superiors when
/// the caller has them already (a run that read the registry once), which saves two reads per alert.
/// </summary>
public sealed record AlertRequest(AlertKey Key, string? Detail = null, Unit? Unit = null, IReadOnlyList<Unit>? Superiors = null);

/// <summary>How many alerts were opened (or still awaited their first notification), how many named unknown units, and the digests.</summary>
public sealed record OpenAlertsResult(int Opened, int UnknownUnits, DispatchResult Dispatch);

/// <summary>An alert to notify as untaken (the dispatcher finds its due step); <c>Recorded</c>: the step is stored already.</summary>
internal sealed record Opening(StoredAlert Alert, bool Recorded);
