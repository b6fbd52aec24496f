using PartyFunctions.Access;
using PartyFunctions.Policy;
using PartyFunctions.Remediation;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: a superior opens its annual report from the signed "report" link in its email; the link's scope must
/// contain the unit. A committee's "decide" link reads the report of the same scope too (its decision page links to
/// it). The report is read as the run stored it, as a page or as CSV; the page's link to the year's plan tracker is
/// signed now (<see cref="AnnualReport.TrackerLinkMarker"/>), for the report's unit.
/// </summary>
public sealed class ReadAnnualReport(SubtreeAccess access, IReportStore reports, PlanLinks links, TimeProvider clock)
{
    // The committee reads its report with the decide link of its decision page too.
    private static readonly string[] ReportActions = [AnnualRunLinks.ReportAction, AnnualRunLinks.DecideAction];

    public async Task<AnnualReportRead> RunAsync(string? token, int year, string unitId, ReportFormat format, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(token, ReportActions, unitId, cancellationToken);
        if (!allowed.Allowed)
        {
            return new AnnualReportRead(AnnualReportReadStatus.LinkRefused, null, allowed.Message);
        }

        return await reports.GetAsync(year, unitId, format, cancellationToken) is { } content
            ? new AnnualReportRead(AnnualReportReadStatus.Found, format == ReportFormat.Html
                ? content.Replace(AnnualReport.TrackerLinkMarker, links.Tracker(unitId, year, clock.GetUtcNow()), StringComparison.Ordinal)
                : content, null)
            : new AnnualReportRead(AnnualReportReadStatus.NotFound, null, new LocalizedText($"Chưa có báo cáo năm {year}.", $"No {year} report yet."));
    }
}

public enum AnnualReportReadStatus
{
    Found,
    LinkRefused,
    NotFound,
}

/// <summary>The stored report, or why there is none to show.</summary>
public sealed record AnnualReportRead(AnnualReportReadStatus Status, string? Content, LocalizedText? Message);
