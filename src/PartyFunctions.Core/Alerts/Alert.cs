using PartyFunctions.Organisation;

namespace PartyFunctions.Alerts;

/// <summary>
/// An alert and its whole story. The chain is fixed when it opens; <see cref="StepsTaken"/> counts the chain steps
/// already passed (notified or skipped for want of an address). Every change returns a new alert with the
/// transition appended to <see cref="History"/>; the store keeps the alert under an ETag.
/// <see cref="SuperiorId"/> is the unit's direct superior when it opened: where its monthly scores are stored.
/// </summary>
public sealed record Alert(
    AlertKey Key,
    string UnitName,
    string UnitPath,
    string SuperiorId,
    AlertState State,
    DateTimeOffset OpenedAt,
    IReadOnlyList<ChainStep> Chain,
    int StepsTaken,
    bool ResolvedNoticeSent,
    IReadOnlyList<AlertTransition> History,
    string? Detail = null)
{
    public static Alert Open(AlertKey key, Unit unit, IReadOnlyList<ChainStep> chain, DateTimeOffset at, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(unit);
        return new Alert(key, unit.Name, unit.Path ?? unit.Id, unit.ParentId ?? string.Empty, AlertState.Open, at, chain, 0, false,
            [new AlertTransition(at, AlertTransition.System, AlertTransition.Opened, Detail: detail)], detail);
    }

    /// <summary>
    /// The run that opened this alert with its due step already taken (one write instead of an insert and a replace),
    /// so that a repeat of that run after a crash sends the step's notification it may have missed.
    /// </summary>
    public string? StepTakenAtOpenBy { get; init; }

    public DateOnly OpenedOn => VietnamDate.DayOf(OpenedAt);

    /// <summary>The Vietnam date of the next chain step, or null when nothing more will climb (acknowledged, resolved, chain done).</summary>
    public DateOnly? NextStepOn => State == AlertState.Open && StepsTaken < Chain.Count ? OpenedOn.AddDays(Chain[StepsTaken].AfterDays) : null;

    /// <summary>
    /// The step to notify on <paramref name="today"/>: the latest step already due and not yet taken. After missed runs
    /// only the latest due step is notified (the steps jumped over are recorded as skipped): nobody gets a backlog.
    /// </summary>
    public int? DueStep(DateOnly today)
    {
        if (State != AlertState.Open)
        {
            return null;
        }

        int? due = null;
        for (var i = StepsTaken; i < Chain.Count && OpenedOn.AddDays(Chain[i].AfterDays) <= today; i++)
        {
            due = i;
        }

        return due;
    }

    /// <summary>Records the steps up to <paramref name="step"/> as taken: that one notified (when it has an address), those before it skipped.</summary>
    public Alert Take(int step, DateTimeOffset at)
    {
        var history = History.ToList();
        for (var i = StepsTaken; i <= step; i++)
        {
            var notified = i == step && Chain[i].Email is not null;
            history.Add(new AlertTransition(at, AlertTransition.System, notified ? AlertTransition.Notified : AlertTransition.Skipped, Chain[i].Level,
                Chain[i].Repeat ? "repeat" : null));
        }

        return this with { StepsTaken = step + 1, History = history };
    }

    /// <summary>Stops the chain. Only an open alert can be acknowledged; the alert stays open until resolved.</summary>
    public Alert Acknowledge(DateTimeOffset at, string actor) =>
        State == AlertState.Open
            ? this with { State = AlertState.Acknowledged, History = [.. History, new AlertTransition(at, actor, AlertTransition.Acknowledged)] }
            : this;

    public Alert Resolve(DateTimeOffset at, string actor, string reason) =>
        State == AlertState.Resolved
            ? this
            : this with { State = AlertState.Resolved, History = [.. History, new AlertTransition(at, actor, AlertTransition.Resolved, Detail: reason)] };

    /// <summary>
    /// Opens a resolved alert again as acknowledged (someone is on it: the member who reopened the plan), so it does not
    /// climb; its next resolution sends a new notice.
    /// </summary>
    public Alert Reopen(DateTimeOffset at, string actor, string reason) =>
        State != AlertState.Resolved
            ? this
            : this with
            {
                State = AlertState.Acknowledged,
                ResolvedNoticeSent = false,
                History = [.. History, new AlertTransition(at, actor, AlertTransition.Reopened, Detail: reason)],
            };

    /// <summary>
    /// Opens a resolved alert as new when its condition came back (a plan overdue again, with another item late): a
    /// fresh chain from <paramref name="at"/>, nobody told yet, the earlier story kept before it.
    /// </summary>
    public Alert Renew(IReadOnlyList<ChainStep> chain, DateTimeOffset at, string? detail) =>
        State != AlertState.Resolved
            ? this
            : this with
            {
                State = AlertState.Open,
                OpenedAt = at,
                Chain = chain,
                StepsTaken = 0,
                ResolvedNoticeSent = false,
                Detail = detail,
                History = [.. History, new AlertTransition(at, AlertTransition.System, AlertTransition.Opened, Detail: detail)],
            };

    public Alert NoticeSent(DateTimeOffset at) =>
        this with { ResolvedNoticeSent = true, History = [.. History, new AlertTransition(at, AlertTransition.System, AlertTransition.ResolvedNotice)] };

    public bool IsOpen => State != AlertState.Resolved;

    /// <summary>Everyone who was notified of this alert, once each: they get the "resolved" notice.</summary>
    public IReadOnlyList<ChainStep> Alerted =>
        Chain.Take(StepsTaken)
            .Where((step, i) => step.Email is not null && WasNotified(i))
            .DistinctBy(step => step.Email!.ToUpperInvariant())
            .ToList();

    /// <summary>Resolved, someone was alerted, and the notice has not gone yet.</summary>
    public bool AwaitsResolvedNotice => State == AlertState.Resolved && !ResolvedNoticeSent && Alerted.Count > 0;

    /// <summary>Still on the escalation run's work list: open, acknowledged, or resolved with its notice pending.</summary>
    public bool IsActive => IsOpen || AwaitsResolvedNotice;

    // A step was notified unless the history says it was skipped; steps are recorded in order, one transition each,
    // counted from the last opening (a renewed alert's chain starts again).
    private bool WasNotified(int step) =>
        History.Skip(Math.Max(0, History.Select(h => h.Event).ToList().LastIndexOf(AlertTransition.Opened)))
            .Where(h => h.Event is AlertTransition.Notified or AlertTransition.Skipped).ElementAtOrDefault(step)?.Event == AlertTransition.Notified;
}

/// <summary>An alert as stored, with the version tag a change must match.</summary>
public sealed record StoredAlert(Alert Alert, string ETag);
