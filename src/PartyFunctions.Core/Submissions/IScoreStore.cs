namespace PartyFunctions.Submissions;

/// <summary>
/// Port: the monthly scores. One score per (cell, month), partitioned by the cell's direct superior and year, so
/// that "all cells of a superior for a month or a year" is one partition scan and a cell's month is a point read.
/// </summary>
public interface IScoreStore
{
    /// <summary>One cell's month (a point read) with its ETag, or null.</summary>
    Task<StoredScore?> GetAsync(string superiorId, string unitId, ScorePeriod period, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the first score of a cell's month. Never overwrites: when a score exists already (a retry of the same
    /// receipt, or another submission that came first) it answers <see cref="ScoreWrite.Conflict"/> with that score.
    /// </summary>
    Task<ScoreWrite> TryAddAsync(ScoreRecord score, CancellationToken cancellationToken);

    /// <summary>Replaces the score only if it is still at <paramref name="etag"/>; otherwise <see cref="ScoreWrite.Conflict"/> with no change.</summary>
    Task<ScoreWrite> TryReplaceAsync(ScoreRecord score, string etag, CancellationToken cancellationToken);

    /// <summary>Every score under one superior for one month (one partition scan).</summary>
    Task<IReadOnlyList<ScoreRecord>> GetMonthAsync(string superiorId, ScorePeriod period, CancellationToken cancellationToken);

    /// <summary>Every score under one superior for one year, by cell then month (one partition scan, pages of 1,000).</summary>
    Task<IReadOnlyList<ScoreRecord>> GetYearAsync(string superiorId, int year, CancellationToken cancellationToken);

    /// <summary>The bands of every month under one superior for one year (one partition scan of a few columns): the annual run's read.</summary>
    Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="GetYearBandsAsync(string, int, CancellationToken)"/> for about <paramref name="cells"/> cells: a year
    /// longer than one page is read as ranges of months side by side, one wait instead of one per page.
    /// </summary>
    Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, int cells, CancellationToken cancellationToken) =>
        GetYearBandsAsync(superiorId, year, cancellationToken);
}

/// <summary>The outcome of a conditional write: the stored score with its new ETag, or the conflicting current one (when it still exists).</summary>
public sealed record ScoreWrite(bool Written, StoredScore? Current)
{
    public static ScoreWrite Done(StoredScore stored) => new(true, stored);

    public static ScoreWrite Conflict(StoredScore? current) => new(false, current);
}
