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
public sealed record AnnualReport(string Html, string Csv);
