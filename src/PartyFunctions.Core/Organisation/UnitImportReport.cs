namespace PartyFunctions.Organisation;

/// <summary>
/// What an import did. With errors nothing was written and the counts are zero. <see cref="Missing"/> counts
/// active stored units the file does not mention that were left alone (no <c>--deactivate-missing</c>).
/// <see cref="Repaired"/> counts units that did not change but whose stored copies were missing or out of date and
/// were written again (they are also counted as unchanged, or missing).
/// </summary>
public sealed record UnitImportReport(
    IReadOnlyList<ImportError> Errors,
    int Created = 0,
    int Updated = 0,
    int Unchanged = 0,
    int Deactivated = 0,
    int Missing = 0,
    string? ArchivedAs = null,
    int Repaired = 0)
{
    public bool Succeeded => Errors.Count == 0;
}
