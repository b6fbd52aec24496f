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
    /// <summary>Opens the alerts (idempotent) and sends their level-1 notifications in the digests of <paramref name="runId"/>.</summary>
    public async Task<OpenAlertsResult> RunAsync(string runId, IReadOnlyList<AlertRequest> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var now = clock.GetUtcNow();
        var opened = new List<StoredAlert>();
        var unknown = 0;
        foreach (var request in requests)
        {
            var unit = request.Unit ?? await units.GetAsync(request.Key.UnitId, cancellationToken);
            if (unit is null)
            {
                unknown++;
                continue;
            }

            var superiors = request.Superiors ?? await units.GetSuperiorsAsync(unit.Id, cancellationToken);
            if (await OpenAsync(request.Key, unit, superiors, now, request.Detail, cancellationToken) is { } stored)
            {
                opened.Add(stored);
            }
        }

        // Alerts this run opened, and ones a crashed earlier attempt opened but did not notify, get their level 1 now.
        var dispatch = await dispatcher.DispatchAsync(runId, opened, now, cancellationToken);
        return new OpenAlertsResult(opened.Count, unknown, dispatch);
    }

    /// <summary>Opens one alert without notifying anyone yet (the next escalation run does): for events handled one by one.</summary>
    public async Task<StoredAlert?> OpenQuietlyAsync(AlertKey key, Unit unit, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var superiors = await units.GetSuperiorsAsync(unit.Id, cancellationToken);
        return await OpenAsync(key, unit, superiors, clock.GetUtcNow(), detail, cancellationToken);
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
    private async Task<StoredAlert?> OpenAsync(
        AlertKey key, Unit unit, IReadOnlyList<Unit> superiors, DateTimeOffset now, string? detail, CancellationToken cancellationToken)
    {
        if (await store.TryAddAsync(Alert.Open(key, unit, policy.ChainFor(unit, superiors), now, detail), cancellationToken) is { } added)
        {
            // Insert-only: of two copies opening one key, one adds it and counts it.
            metrics.AlertOpened(key.Rule);
            return added;
        }

        var existing = await store.GetAsync(key, cancellationToken);
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
