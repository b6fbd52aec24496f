using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

public enum ShardStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>One shard of a run: the cells of one grassroots committee (<see cref="SuperiorId"/>), and how it went.</summary>
public sealed record ShardState(
    string RunId,
    string SuperiorId,
    ShardStatus Status,
    int Cells = 0,
    DateTimeOffset? At = null,
    string? Error = null);

/// <summary>
/// Queue message (queue <c>classification-shards</c>): classify one shard of a run. The start adds what it read of the
/// registry so that the shard need not read it again: the committee's <see cref="SuperiorPath"/>, its <see cref="Cells"/>
/// (how many pages its year takes) and its <see cref="Subtree"/> (the committee and its cells active in the year, without
/// contact addresses). A run then classifies the registry as the start read it: a cell moved during the run is classified
/// once, under the committee it had then. The dispatcher leaves the subtree out of a message that would pass the queue's
/// size limit; a message without it (or from before it) reads the subtree at the path, and again by id when the path no
/// longer leads to the committee.
/// </summary>
public sealed record ShardMessage(string RunId, int Year, string SuperiorId, string? SuperiorPath = null, int Cells = 0, IReadOnlyList<Unit>? Subtree = null);
