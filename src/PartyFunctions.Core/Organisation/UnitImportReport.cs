namespace PartyFunctions.Organisation;

/// <summary>
/// What an import did. With errors nothing was written and the counts are zero. <see cref="Missing"/> counts
/// active stored units the file does not mention that were left alone (no <c>--deactivate-missing</c>).
/// </summary>
public sealed record UnitImportReport(
    IReadOnlyList<ImportError> Errors,
    int Created = 0,
    int Updated = 0,
    int Unchanged = 0,
    int Deactivated = 0,
    int Missing = 0,
    string? ArchivedAs = null)
{
    public bool Succeeded => Errors.Count == 0;
}
