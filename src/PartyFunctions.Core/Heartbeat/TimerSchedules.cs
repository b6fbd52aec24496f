namespace PartyFunctions.Heartbeat;

/// <summary>Every timer function of the app with its resolved schedule (the composition root builds it from the settings).</summary>
public sealed record TimerSchedules(IReadOnlyList<TimerSchedule> All);
