using PartyFunctions.Concurrency;

namespace PartyFunctions.Alerts;

/// <summary>
/// Port: the alerts. An alert is read by its key (a point read) or with its unit's other alerts (one partition); the
/// escalation run reads its work list (<see cref="Alert.IsActive"/>) in one query, and a recipient's open alerts are
/// one query too (docs/storage-schema.md).
/// </summary>
public interface IAlertStore
{
    Task<StoredAlert?> GetAsync(AlertKey key, CancellationToken cancellationToken);

    /// <summary>Every alert of one unit, any rule, period or state.</summary>
    Task<IReadOnlyList<StoredAlert>> GetOfUnitAsync(string unitId, CancellationToken cancellationToken);

    /// <summary>Adds a new alert and answers it with its ETag; null (and no change) when one with the same key exists.</summary>
    Task<StoredAlert?> TryAddAsync(Alert alert, CancellationToken cancellationToken);

    /// <summary>
    /// <see cref="TryAddAsync"/> for each of <paramref name="alerts"/> (distinct keys), answered in their order. A store
    /// may write what the alerts share (their index rows) together rather than one request per alert.
    /// </summary>
    async Task<IReadOnlyList<StoredAlert?>> TryAddAllAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken) =>
        await SideBySide.SelectAsync(alerts, TryAddAsync, cancellationToken);

    /// <summary>Replaces the alert only if it is still at <paramref name="etag"/>; <see cref="AlertWrite.Conflict"/> when someone else changed it first.</summary>
    Task<AlertWrite> TryReplaceAsync(Alert alert, string etag, CancellationToken cancellationToken);

    /// <summary>The escalation run's work list: open and acknowledged alerts, and resolved ones whose notice has not gone.</summary>
    Task<IReadOnlyList<StoredAlert>> GetActiveAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The active alerts as last indexed, in one query and without ETags: for pages that show alerts, not for changing them.
    /// </summary>
    Task<IReadOnlyList<Alert>> GetActiveSnapshotAsync(CancellationToken cancellationToken);

    /// <summary>The open (or acknowledged) alerts a recipient has been notified of.</summary>
    Task<IReadOnlyList<AlertKey>> GetOpenForRecipientAsync(string email, CancellationToken cancellationToken);
}
