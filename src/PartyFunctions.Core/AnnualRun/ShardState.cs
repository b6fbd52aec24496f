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

/// <summary>Queue message (queue <c>classification-shards</c>): classify one shard of a run.</summary>
public sealed record ShardMessage(string RunId, int Year, string SuperiorId);
