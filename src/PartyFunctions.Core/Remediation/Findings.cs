namespace PartyFunctions.Remediation;

/// <summary>
/// The shortcomings a superior pointed out for one unit at the annual review (hạn chế cấp trên chỉ ra), numbered from
/// 1. The unit's plan for that year must cover each with at least one item.
/// </summary>
public sealed record UnitFindings(string UnitId, string UnitPath, int Year, IReadOnlyList<Finding> Items, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record Finding(string Id, string Text);

public sealed record StoredFindings(UnitFindings Findings, string ETag);

/// <summary>Port: findings by unit and year (a point read), and a year's findings for a committee's tracker.</summary>
public interface IFindingsStore
{
    Task<StoredFindings?> GetAsync(string unitId, int year, CancellationToken cancellationToken);

    /// <summary>Adds the findings; false when the unit has findings for that year already.</summary>
    Task<bool> TryAddAsync(UnitFindings findings, CancellationToken cancellationToken);

    Task<bool> TryReplaceAsync(UnitFindings findings, string etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<UnitFindings>> GetOfYearAsync(int year, CancellationToken cancellationToken);
}
