using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// A cell's year as the run computed it: the roll-up counts, the year band (null: insufficient data), the proposed
/// level with its reasons (flag <c>quota</c> when the quota demoted it), and the standing committee's decision once
/// recorded, which is the unit's final level.
/// </summary>
public sealed record AnnualResult(
    int Year,
    string UnitId,
    string UnitName,
    string SuperiorId,
    string RunId,
    int Required,
    int Good,
    int FairOrBetter,
    int Weak,
    Band? YearBand,
    Level? Proposed,
    LevelReasons Reasons,
    AnnualDecision? Decision = null)
{
    public bool DemotedByQuota => (Reasons & LevelReasons.Quota) != 0;

    /// <summary>The months (up to the run's through-month) that have both a self-score and an observed score, in order.</summary>
    public ObservedMonths Observed { get; init; } = ObservedMonths.None;

    /// <summary>The confirmed or overriding level when the committee decided, else none yet.</summary>
    public Level? Final => Decision?.Level;

    public static AnnualResult From(CellClassification c, string unitName, int year, string runId) =>
        new(year, c.UnitId, unitName, c.SuperiorId, runId, c.Year.Required, c.Year.Good, c.Year.FairOrBetter, c.Year.Weak,
            c.Year.Band, c.Proposed, c.Reasons);
}

/// <summary>The superior standing committee's decision on a proposal: confirmed as proposed, or overridden with a reason.</summary>
public sealed record AnnualDecision(Level Level, bool Override, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A month of the year with its self-score beside the score observed at its meeting.</summary>
public sealed record ObservedMonth(int Month, Attendance.SelfObserved Scores);

/// <summary>
/// A result's months with both scores, in order, compared by content: a result read back equals the one computed (a
/// redelivered shard's results are checked so), which a plain list would not.
/// </summary>
public sealed class ObservedMonths(IEnumerable<ObservedMonth> months) : IReadOnlyList<ObservedMonth>, IEquatable<ObservedMonths>
{
    private readonly ObservedMonth[] months = [.. months];

    public static ObservedMonths None { get; } = new([]);

    public int Count => months.Length;

    public ObservedMonth this[int index] => months[index];

    public IEnumerator<ObservedMonth> GetEnumerator() => ((IEnumerable<ObservedMonth>)months).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ObservedMonths? other) => other is not null && months.SequenceEqual(other.months);

    public override bool Equals(object? obj) => Equals(obj as ObservedMonths);

    public override int GetHashCode() => months.Length;
}
