using System.Globalization;
using NCrontab;

namespace PartyFunctions.Heartbeat;

/// <summary>
/// One timer function and its schedule as the host reads it: NCRONTAB with seconds (or without), or a
/// <c>hh:mm:ss</c> interval, in UTC. The heartbeat check asks it when the timer is next due after a given time.
/// </summary>
public sealed record TimerSchedule(string Timer, string? Expression)
{
    private static readonly CrontabSchedule.ParseOptions WithSeconds = new() { IncludingSeconds = true };

    /// <summary>The first occurrence strictly after <paramref name="after"/>; null when the expression cannot be read.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after)
    {
        var expression = Expression?.Trim();
        if (string.IsNullOrEmpty(expression))
        {
            return null;
        }

        if (expression.Contains(' ', StringComparison.Ordinal))
        {
            var cron = CrontabSchedule.TryParse(expression, WithSeconds) ?? CrontabSchedule.TryParse(expression);
            return cron is null
                ? null
                : new DateTimeOffset(DateTime.SpecifyKind(cron.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
        }

        return TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero
            ? after + interval
            : null;
    }
}
