namespace PartyFunctions.AnnualRun;

/// <summary>Port: the annual results, partitioned by year and superior (a superior's year is one partition).</summary>
public interface IAnnualResultStore
{
    /// <summary>Writes computed results (in batches); a decision already recorded on a result is kept.</summary>
    Task SaveAsync(IReadOnlyList<AnnualResult> results, CancellationToken cancellationToken);

    Task<IReadOnlyList<AnnualResult>> GetAsync(int year, string superiorId, CancellationToken cancellationToken);

    /// <summary>Records the standing committee's decision on one stored result (only the decision's columns).</summary>
    Task SaveDecisionAsync(AnnualResult result, CancellationToken cancellationToken);

    /// <summary>Every result of a year across superiors, in superior then unit order.</summary>
    Task<IReadOnlyList<AnnualResult>> GetYearAsync(int year, CancellationToken cancellationToken);
}
