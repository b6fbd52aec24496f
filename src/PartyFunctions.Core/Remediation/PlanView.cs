using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Remediation;

/// <summary>
/// Everything a plan page shows: the alert that asks for the plan (why the unit is weak, with its detail), the plan as
/// it stands (null: none yet), the superior's findings it must cover, the year's months with their bands, and the
/// year's proposed level when the annual run has classified the unit.
/// </summary>
public sealed record PlanView(Alert Alert, RemediationPlan? Plan, string? ETag, IReadOnlyList<Finding> Findings, IReadOnlyList<PlanMonth> Months, AnnualResult? Year)
{
    public AlertKey Key => Alert.Key;
}

/// <summary>One month of the unit's year: its effective band and points when scored (null: no score), and whether the superior confirmed it.</summary>
public sealed record PlanMonth(ScorePeriod Period, Band? Band, decimal? Total, bool Confirmed);
