namespace PartyFunctions.Alerts;

/// <summary>
/// Port: which runs have finished, per job and period or day (e.g. <c>cutoff</c>, <c>2025-11</c>). A run whose
/// marker exists does nothing: the schedule firing twice, or late after a missed schedule, sends nothing new.
/// The marker is written last, so a run that crashed is repeated, and its deterministic digest ids dedupe it.
/// Its summary says what the run had to do, not what one copy did: two copies of a run at the same moment share the
/// work between them (one opens an alert, the other finds it), and whichever records first must record the same.
/// </summary>
public interface IRunMarkers
{
    Task<bool> IsDoneAsync(string job, string key, CancellationToken cancellationToken);

    Task MarkDoneAsync(string job, string key, string summary, CancellationToken cancellationToken);
}
