using PartyFunctions.Deadlines;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Status;

/// <summary>What one month of a cell's year shows: scored (with its band), missing after the cut-off, not due yet, or not required.</summary>
public enum MonthState
{
    Scored,
    Missing,
    Pending,
    NotRequired,
}

/// <summary>One month of a cell: its state, the band and total that count, and whether it came late or was confirmed.</summary>
public sealed record CellMonthView(ScorePeriod Period, MonthState State, Band? Band, decimal? Total, bool Late, bool Confirmed);

/// <summary>A cell's twelve months from its year's scores (the year grid's rows and the member's desk share it).</summary>
public static class CellYear
{
    public static IReadOnlyList<CellMonthView> Of(Unit cell, int year, IEnumerable<ScoreRecord> scores, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var byMonth = scores.Where(s => string.Equals(s.UnitId, cell.Id, StringComparison.Ordinal) && s.Period.Year == year)
            .ToDictionary(s => s.Period.Month);
        return Enumerable.Range(1, 12).Select(m =>
        {
            var period = new ScorePeriod(year, m);
            return byMonth.GetValueOrDefault(m) is { } score
                ? new CellMonthView(period, MonthState.Scored, score.EffectiveBand, score.EffectiveTotal, score.Late, score.IsConfirmed)
                : new CellMonthView(period, !MonthRoster.IsRequired(cell, period) ? MonthState.NotRequired
                    : ReportingCalendar.IsCutOff(period, now) ? MonthState.Missing : MonthState.Pending, null, null, false, false);
        }).ToList();
    }
}

/// <summary>How many cells of a row (or of the whole grid) stood in each band one month, were missing, came late.</summary>
public sealed record MonthCounts(int Month, int Good, int Fair, int Average, int Weak, int Missing, int Late, int Pending)
{
    public int Scored => Good + Fair + Average + Weak;

    public int Count(Band band) => band switch
    {
        Band.Good => Good,
        Band.Fair => Fair,
        Band.Average => Average,
        _ => Weak,
    };

    public static MonthCounts Of(int month, IEnumerable<CellMonthView> months)
    {
        var list = months.ToList();
        int Band(Band band) => list.Count(m => m.Band == band);
        return new MonthCounts(month, Band(Scoring.Band.Good), Band(Scoring.Band.Fair), Band(Scoring.Band.Average), Band(Scoring.Band.Weak),
            list.Count(m => m.State == MonthState.Missing), list.Count(m => m.Late), list.Count(m => m.State == MonthState.Pending));
    }
}
