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
/// registry so that the shard need not wait for it before its own reads: the committee's <see cref="SuperiorPath"/>
/// (its subtree in one query) and its <see cref="Cells"/> (how many pages its year takes). Messages without them still
/// work; a path that no longer leads to the committee (it moved since the start) is read again.
/// </summary>
public sealed record ShardMessage(string RunId, int Year, string SuperiorId, string? SuperiorPath = null, int Cells = 0);
