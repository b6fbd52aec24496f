using System.Globalization;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Telemetry;

namespace PartyFunctions.Heartbeat;

/// <summary>
/// Use case (daily timer): finds the late timers and tells the administrators' mailbox through the email pipeline,
/// one digest a day listing every late timer. The digest id is fixed per Vietnam day (<c>heartbeat-2025-12-16</c>),
/// so a second check the same day writes nothing new and the sender's own idempotency keeps it to one email.
/// While email is not configured the digest waits like every other, and the outcome (logged daily) says so.
/// </summary>
public sealed class CheckHeartbeats(
    ReadTimerStatus read, DigestPoster poster, EmailOptions options, EmailStatus email, PartyMetrics metrics, TimeProvider clock)
{
    public const string Rule = "heartbeat";

    // The checking timer itself (self) is running, so it is not reported; health still watches it.
    public async Task<HeartbeatCheckOutcome> RunAsync(string self, CancellationToken cancellationToken)
    {
        var statuses = await read.RunAsync(cancellationToken);
        var late = statuses.Where(s => s.Late && !string.Equals(s.Timer, self, StringComparison.Ordinal)).ToList();
        if (late.Count == 0)
        {
            return new HeartbeatCheckOutcome(statuses.Count, [], null) { EmailConfigured = email.Configured };
        }

        var now = clock.GetUtcNow();
        var id = DigestId.For($"{Rule}-{VietnamDate.DayOf(now):yyyy-MM-dd}", options.AdminMailbox);
        if (await poster.PostAsync(new Digest(id, new Recipient(options.AdminMailbox), Digest.Vietnamese, now, late.Select(Item).ToList()), cancellationToken))
        {
            // Once a day, with the day's digest: a second check the same day adds nothing and counts nothing.
            foreach (var status in late)
            {
                metrics.TimerLate(status.Timer);
            }
        }
        return new HeartbeatCheckOutcome(statuses.Count, late.Select(s => s.Timer).ToList(), id) { EmailConfigured = email.Configured };
    }

    private static DigestItem Item(TimerStatus status) =>
        new(
            NotificationKind.TimerLate,
            UnitId: string.Empty,
            UnitName: status.Timer,
            Rule: Rule,
            Detail: status.LastSuccessAt is { } last
                ? $"Lần chạy thành công cuối / last success: {Utc(last)}; đến hạn / due: {Utc(status.DueBy)}."
                : $"Chưa chạy thành công lần nào từ {Utc(status.FirstSeenAt)} / no success since first noticed; đến hạn / due: {Utc(status.DueBy)}.");

    private static string Utc(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "?";
}
