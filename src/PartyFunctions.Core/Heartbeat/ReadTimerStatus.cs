namespace PartyFunctions.Heartbeat;

/// <summary>
/// Use case: every timer's status from one read of the heartbeats. A timer without any row is noted as first seen
/// now (one insert, once per timer ever), so that a timer that never runs becomes late instead of staying unknown.
/// Shared by the daily check and <c>GET /api/health</c>, so a dead checker is still noticed.
/// </summary>
public sealed class ReadTimerStatus(IHeartbeatStore store, TimerSchedules schedules, TimeProvider clock)
{
    public async Task<IReadOnlyList<TimerStatus>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var records = (await store.GetAllAsync(cancellationToken)).ToDictionary(r => r.Timer, StringComparer.Ordinal);
        var statuses = new List<TimerStatus>(schedules.All.Count);
        foreach (var schedule in schedules.All)
        {
            var record = records.GetValueOrDefault(schedule.Timer);
            if (record is null)
            {
                await store.NoteFirstSeenAsync(schedule.Timer, now, cancellationToken);
            }

            statuses.Add(TimerStatus.Of(schedule, record, now));
        }

        return statuses;
    }
}
