using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Alerts;

/// <summary>
/// When the monthly alert rules of docs/domain.md open and resolve: the one place the score-event handler and the daily
/// escalation run both ask. A month's band is the confirmed one when present (<see cref="ScoreRecord.EffectiveBand"/>).
/// </summary>
public static class AlertConditions
{
    /// <summary>overdue resolves when the score arrives, late or not.</summary>
    public static bool OverdueCleared(ScoreRecord? score) => score is not null;

    /// <summary>weak-month opens when a month is Kém.</summary>
    public static bool WeakMonthOpens(Band band) => band == Band.Weak;

    /// <summary>
    /// weak-month resolves when the next month is Khá or better; also when the month itself is no longer Kém (the
    /// superior's confirmation corrected it), because then the alert's premise is gone.
    /// </summary>
    public static bool WeakMonthCleared(ScoreRecord? month, ScoreRecord? next) =>
        (month is not null && month.EffectiveBand != Band.Weak) || (next is not null && next.EffectiveBand >= Band.Fair);

    /// <summary>
    /// needs-consolidation opens on 2 consecutive months Trung bình or worse, or 3 of the last 6. <paramref name="lastSix"/>
    /// runs oldest to newest and ends with the month just recorded; null is a month not known (not yet due, or the cell
    /// not active), a not-reported month after its cut-off counts as Kém.
    /// </summary>
    public static bool NeedsConsolidation(IReadOnlyList<Band?> lastSix)
    {
        ArgumentNullException.ThrowIfNull(lastSix);
        static bool Poor(Band? band) => band is <= Band.Average;
        var consecutive = lastSix.Count >= 2 && Poor(lastSix[^1]) && Poor(lastSix[^2]);
        return consecutive || lastSix.TakeLast(6).Count(Poor) >= 3;
    }

    /// <summary>
    /// needs-consolidation, once its plan is closed, resolves when the two months after the plan's acceptance
    /// (<see cref="Remediation.PlanRules.MonthsAfterAcceptance"/>) are both Khá or better.
    /// </summary>
    public static bool ConsolidationCleared(ScoreRecord? first, ScoreRecord? second) =>
        first is not null && second is not null && first.EffectiveBand >= Band.Fair && second.EffectiveBand >= Band.Fair;
}
