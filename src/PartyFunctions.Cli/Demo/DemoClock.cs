namespace PartyFunctions.Cli.Demo;

/// <summary>The demo's clock, registered over the app's: the year is played by setting it forward, never back.</summary>
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Sets a Vietnam local time (UTC+7).</summary>
    public void At(DateOnly day, int hour, int minute = 0)
    {
        var next = new DateTimeOffset(day.Year, day.Month, day.Day, hour, minute, 0, PartyFunctions.Organisation.VietnamDate.Offset);
        now = next > now ? next : now;
    }
}
