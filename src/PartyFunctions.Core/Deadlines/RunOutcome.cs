namespace PartyFunctions.Deadlines;

/// <summary>What a scheduled run did: its run id, whether it had run already, how many units it covered and digests it wrote.</summary>
public sealed record RunOutcome(string? RunId, bool Skipped, int Units, int Digests)
{
    public static RunOutcome NotDue { get; } = new(null, true, 0, 0);

    public static RunOutcome AlreadyDone(string runId) => new(runId, true, 0, 0);
}
