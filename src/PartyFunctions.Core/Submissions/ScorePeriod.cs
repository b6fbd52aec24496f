using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyFunctions.Submissions;

/// <summary>A reporting month, written <c>yyyy-MM</c> on the wire and in URLs.</summary>
[JsonConverter(typeof(ScorePeriodJsonConverter))]
public readonly record struct ScorePeriod(int Year, int Month)
{
    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public ScorePeriod Previous => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public ScorePeriod Next => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public static ScorePeriod Of(DateOnly day) => new(day.Year, day.Month);

    /// <summary>Exactly <c>yyyy-MM</c> with a year from 2000 to 2999; anything else is not a period.</summary>
    public static bool TryParse(string? text, out ScorePeriod period)
    {
        period = default;
        if (text is not { Length: 7 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || year is < 2000 or > 2999 || month is < 1 or > 12)
        {
            return false;
        }

        period = new ScorePeriod(year, month);
        return true;
    }

    public override string ToString() => $"{Year:0000}-{Month:00}";
}

/// <summary>Periods are <c>"yyyy-MM"</c> strings in JSON (archive entries, API answers), as people read them.</summary>
public sealed class ScorePeriodJsonConverter : JsonConverter<ScorePeriod>
{
    public override ScorePeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ScorePeriod.TryParse(reader.GetString(), out var period) ? period : throw new JsonException("A period is \"yyyy-MM\".");

    public override void Write(Utf8JsonWriter writer, ScorePeriod value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
