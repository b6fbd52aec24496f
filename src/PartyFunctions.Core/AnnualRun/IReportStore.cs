namespace PartyFunctions.AnnualRun;

/// <summary>Port: the annual reports as files (HTML and CSV) by year and unit.</summary>
public interface IReportStore
{
    Task SaveAsync(int year, string unitId, AnnualReport report, CancellationToken cancellationToken);

    Task<string?> GetAsync(int year, string unitId, ReportFormat format, CancellationToken cancellationToken);
}

public enum ReportFormat
{
    Html,
    Csv,
}

/// <summary>One report in both formats.</summary>
public sealed record AnnualReport(string Html, string Csv)
{
    /// <summary>
    /// Where the stored page links to the year's plan tracker: the link is signed when the page is read
    /// (<see cref="ReadAnnualReport"/>), so no credential is stored with the report.
    /// </summary>
    public const string TrackerLinkMarker = "tracker-link-signed-when-read";
}
