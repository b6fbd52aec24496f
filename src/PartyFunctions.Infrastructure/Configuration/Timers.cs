using Microsoft.Extensions.Configuration;
using PartyFunctions.Heartbeat;

namespace PartyFunctions.Configuration;

/// <summary>
/// Every timer function: its name and its schedule exactly as its trigger attribute spells it (a <c>%Setting%</c>
/// or a literal). The heartbeat check reads each schedule from here, and a test checks this list against the timer
/// triggers in functions.metadata, so a new timer without a heartbeat breaks a test.
/// </summary>
public static class Timers
{
    public const string Reminders = "Reminders";
    public const string Cutoff = "Cutoff";
    public const string Escalation = "Escalation";
    public const string AnnualClassification = "AnnualClassification";
    public const string HeartbeatCheck = "HeartbeatCheck";

    /// <summary>09:30 in Vietnam, after the daily escalation (08:00): the administrators read the alert the same morning.</summary>
    public const string HeartbeatCheckSchedule = "0 30 2 * * *";

    public static IReadOnlyList<(string Timer, string Schedule)> All { get; } =
    [
        (Reminders, Setting(AppSettings.RemindersSchedule)),
        (Cutoff, Setting(AppSettings.CutoffSchedule)),
        (Escalation, Setting(AppSettings.EscalationSchedule)),
        (AnnualClassification, Setting(AppSettings.AnnualClassificationSchedule)),
        (HeartbeatCheck, HeartbeatCheckSchedule),
    ];

    /// <summary>The schedules as the host resolves them: <c>%Schedules:Cutoff%</c> is that setting's value.</summary>
    public static TimerSchedules Resolve(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new TimerSchedules(All.Select(t => new TimerSchedule(t.Timer,
            t.Schedule.StartsWith('%') && t.Schedule.EndsWith('%') ? configuration[t.Schedule.Trim('%')] : t.Schedule)).ToList());
    }

    private static string Setting(string key) => "%" + key + "%";
}
