namespace PartyFunctions.Remediation;

/// <summary>
/// A committee's (or the province's) plans of one year: one row per plan, per open alert asking for one, and per unit
/// with findings not yet answered by either, in <see cref="Sort"/> order.
/// </summary>
public sealed record PlanTracker(string UnitId, string UnitName, int Year, DateTimeOffset At, TrackerSort Sort, IReadOnlyList<TrackerRow> Rows)
{
    public int Late => Rows.Count(r => r.Late);

    public int Count(TrackerPlanState state) => Rows.Count(r => r.State == state);
}

/// <summary>
/// One unit's plan (or the plan asked of it): its state, the days since its alert opened (null when the alert is not
/// known), the items done, open and past their deadline, the findings it must cover, whether it is overdue
/// (<see cref="PlanRules.OverdueReason"/>), the member assigned to the unit, the last action, and the reader's links to
/// the plan's review page and to the unit's findings (annual plans only).
/// </summary>
public sealed record TrackerRow(
    string UnitId,
    string UnitName,
    string UnitPath,
    string Rule,
    string Period,
    TrackerPlanState State,
    int? DaysSinceAlert,
    bool AlertOpen,
    int ItemsDone,
    int ItemsOpen,
    int ItemsOverdue,
    int Findings,
    bool Late,
    string? AssignedMember,
    PlanAction? LastAction,
    string? ReviewUrl,
    string? FindingsUrl);

/// <summary>A plan's state as the tracker shows it: <see cref="PlanState"/>, and no plan at all yet.</summary>
public enum TrackerPlanState
{
    NoPlan,
    Draft,
    Submitted,
    Returned,
    Accepted,
    Closed,
}

/// <summary>The tracker's orders: most overdue first (the default), longest waiting since its alert first, or by unit.</summary>
public enum TrackerSort
{
    Lateness,
    Waiting,
    Unit,
}
