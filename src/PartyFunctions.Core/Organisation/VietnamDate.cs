namespace PartyFunctions.Organisation;

/// <summary>Dates as the offices read them: Vietnam has used UTC+7 all year since 1975, with no daylight saving.</summary>
public static class VietnamDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static string Format(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString("HH:mm 'ngày' dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
