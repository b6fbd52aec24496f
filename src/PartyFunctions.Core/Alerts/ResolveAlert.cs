using PartyFunctions.Concurrency;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case: resolves one alert when its condition cleared (a score arrived, a remediation plan closed), or reopens it
/// when the condition returns (a closed plan's item reopened). Resolving a resolved or unknown alert does nothing. The
/// next escalation run sends the "resolved" notice.
/// </summary>
public sealed class ResolveAlert(IAlertStore store, PartyMetrics metrics)
{
    /// <summary>True when this call resolved the alert.</summary>
    public async Task<bool> RunAsync(AlertKey key, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken)
    {
        // Re-read and re-apply on a conflict: the escalation run or an acknowledgement may be writing the same alert.
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await store.GetAsync(key, ct) is not { Alert.IsOpen: true } stored)
                {
                    return Attempt.Done(false);
                }

                switch (await store.TryReplaceAsync(stored.Alert.Resolve(at, actor, reason), stored.ETag, ct))
                {
                    case AlertWrite.Written:
                        metrics.AlertResolved(key.Rule);
                        return Attempt.Done(true);
                    case AlertWrite.Stored:
                        // A copy of the same event resolved it a moment before (or this write's answer was lost): counted there.
                        return Attempt.Done(true);
                    default:
                        return Attempt.Conflict<bool>();
                }
            },
            () => throw new InvalidOperationException($"Alert {key} kept changing while it was being resolved; retry."),
            cancellationToken);
    }

    /// <summary>Reopens a resolved alert (<see cref="Alert.Reopen"/>); true when this call reopened it.</summary>
    public async Task<bool> ReopenAsync(AlertKey key, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken)
    {
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await store.GetAsync(key, ct) is not { Alert.State: AlertState.Resolved } stored)
                {
                    return Attempt.Done(false);
                }

                return await store.TryReplaceAsync(stored.Alert.Reopen(at, actor, reason), stored.ETag, ct) == AlertWrite.Conflict
                    ? Attempt.Conflict<bool>()
                    : Attempt.Done(true);
            },
            () => throw new InvalidOperationException($"Alert {key} kept changing while it was being reopened; retry."),
            cancellationToken);
    }
}
