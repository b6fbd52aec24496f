using PartyFunctions.Concurrency;

namespace PartyFunctions.Alerts;

/// <summary>
/// Use case: resolves one alert when its condition cleared (a score arrived; for issue 7, a remediation plan closed).
/// Resolving a resolved or unknown alert does nothing. The next escalation run sends the "resolved" notice.
/// </summary>
public sealed class ResolveAlert(IAlertStore store)
{
    /// <summary>True when this call resolved the alert.</summary>
    public async Task<bool> RunAsync(AlertKey key, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken)
    {
        // Re-read and re-apply on a conflict: the escalation run or an acknowledgement may be writing the same alert.
        return await OptimisticUpdate.RunAsync(
            async ct => await store.GetAsync(key, ct) is not { Alert.IsOpen: true } stored
                ? Attempt.Done(false)
                : Attempt.DoneIf(await store.TryReplaceAsync(stored.Alert.Resolve(at, actor, reason), stored.ETag, ct), true),
            () => throw new InvalidOperationException($"Alert {key} kept changing while it was being resolved; retry."),
            cancellationToken);
    }
}
