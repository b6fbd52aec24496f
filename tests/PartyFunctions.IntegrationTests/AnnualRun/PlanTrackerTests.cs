using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Remediation;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// The committee's tracker on the small province a month after its run (20 January 2026): Q.G2.C01 submitted a plan
/// with one item past its deadline, Q.G2.C02 wrote none in 36 days, and Q.G1.C01 (not weak) was given findings today.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class PlanTrackerTests(AzuriteFixture azurite)
{
    [Fact]
    public void Tracker_routes_are_anonymous_GETs()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Equal(("tracker/{unitId}/{year:int}", "Anonymous", "get"),
            (metadata["PlanTracker"].Trigger.Route, metadata["PlanTracker"].Trigger.AuthLevel, Assert.Single(metadata["PlanTracker"].Trigger.Methods!)));
        Assert.Equal(("tracker/{unitId}/{year:int}/csv", "get"), (metadata["PlanTrackerCsv"].Trigger.Route, Assert.Single(metadata["PlanTrackerCsv"].Trigger.Methods!)));
    }

    [Fact]
    public async Task The_province_sees_every_plan_of_its_subtree_most_overdue_first_and_can_sort_by_waiting_or_unit()
    {
        var province = await LateJanuaryAsync(azurite);
        await using var host = province.Host;
        var page = $"/api/tracker/Q/2025?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q"))}";

        var late = await host.SendAsync(HttpMethod.Get, page);
        var byUnit = await host.SendAsync(HttpMethod.Get, page + "&sort=unit");
        var waiting = await host.SendAsync(HttpMethod.Get, page + "&sort=waiting&lang=en");

        Assert.True(late.Status == HttpStatusCode.OK, late.ToString());
        Assert.Equal(["Q.G2.C01", "Q.G2.C02", "Q.G1.C01"], Rows(late.Body));
        Assert.Equal(["Q.G1.C01", "Q.G2.C01", "Q.G2.C02"], Rows(byUnit.Body));
        Assert.Equal(["Q.G2.C01", "Q.G2.C02", "Q.G1.C01"], Rows(waiting.Body));
        Assert.Contains("Nội dung: 0 xong, 2 đang làm, 1 quá hạn", late.Body, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo mở 36 ngày trước", late.Body, StringComparison.Ordinal);
        Assert.Contains("Chưa có kế hoạch", late.Body, StringComparison.Ordinal);
        Assert.Contains("Đã gửi, chờ xem xét", late.Body, StringComparison.Ordinal);
        Assert.Contains("Gửi kế hoạch – ", late.Body, StringComparison.Ordinal);
        Assert.Contains("Hạn chế cấp trên chỉ ra: 2", late.Body, StringComparison.Ordinal);
        Assert.Contains("/api/review/Q.G2.C01/annual-weak/2025?link=", late.Body, StringComparison.Ordinal);
        Assert.Contains("/api/findings/Q.G2.C02/2025?link=", late.Body, StringComparison.Ordinal);
        Assert.Contains("<b aria-current=\"true\">quá hạn nhiều nhất</b>", late.Body, StringComparison.Ordinal);
        Assert.Contains("Submitted, awaiting review", waiting.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committee_sees_only_its_own_cells_and_its_link_opens_no_other_committees_tracker()
    {
        var province = await LateJanuaryAsync(azurite);
        await using var host = province.Host;
        var g2 = Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q.G2"));

        var own = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q.G2/2025?link={g2}");
        var other = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q.G1/2025?link={g2}");
        var above = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q/2025?link={g2}");
        var otherCsv = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q.G1/2025/csv?link={g2}");
        var wrongAction = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q.G2/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G2"))}");
        var badYear = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q.G2/1999?link={g2}");

        Assert.Equal(["Q.G2.C01", "Q.G2.C02"], Rows(own.Body));
        Assert.DoesNotContain("Q.G1.C01", own.Body, StringComparison.Ordinal);
        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest),
            (other.Status, above.Status, otherCsv.Status, wrongAction.Status, badYear.Status));
    }

    [Fact]
    public async Task The_tracker_CSV_starts_with_the_BOM_and_a_header_row_and_lists_the_rows_in_the_pages_order()
    {
        var province = await LateJanuaryAsync(azurite);
        await using var host = province.Host;

        var csv = await host.SendAsync(HttpMethod.Get, $"/api/tracker/Q/2025/csv?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q"))}");

        Assert.True(csv.Status == HttpStatusCode.OK, csv.ToString());
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Equal('\uFEFF', csv.Body[0]);
        var lines = csv.Body[1..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(',', TrackerPage.CsvHeader), lines[0]);
        Assert.Equal(["Q.G2.C01", "Q.G2.C02", "Q.G1.C01"], lines[1..].Select(l => l.Split(',')[0]));
        Assert.StartsWith("Q.G2.C01,Chi bộ thôn C01 (G2),annual-weak,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("link=", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_report_and_the_offices_report_ready_line_link_to_the_units_tracker_and_the_stored_report_holds_no_link()
    {
        var province = await LateJanuaryAsync(azurite);
        await using var host = province.Host;

        var report = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G2?link={Uri.EscapeDataString(province.Link(AnnualRunLinks.ReportAction, "Q.G2"))}");
        var href = TrackerLinkPattern().Match(report.Body).Groups[1].Value;
        var tracker = await host.SendAsync(HttpMethod.Get, new Uri(WebUtility.HtmlDecode(href)).PathAndQuery);
        var stored = await host.Services.GetRequiredService<IReportStore>().GetAsync(2025, "Q.G2", ReportFormat.Html, default);
        var office = await host.Services.GetRequiredService<IOutbox>().GetAsync(await province.CompletionDigestAsync("vp.g2@q.dang.vn"), default);

        Assert.StartsWith("http://localhost:7071/api/tracker/Q.G2/2025?link=", WebUtility.HtmlDecode(href), StringComparison.Ordinal);
        Assert.True(tracker.Status == HttpStatusCode.OK, tracker.ToString());
        Assert.Equal(["Q.G2.C01", "Q.G2.C02"], Rows(tracker.Body));
        Assert.Contains(AnnualReport.TrackerLinkMarker, stored, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:7071/api/tracker/Q.G2/2025?link=", Assert.Single(office!.Digest.Items, i => i.Kind == NotificationKind.AnnualReportReady).TrackerUrl, StringComparison.Ordinal);
    }

    /// <summary>The unit ids of the tracker's cards, in the page's order.</summary>
    private static List<string> Rows(string html) => RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("id=\"row-([A-Z0-9.]+)-\\d+\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<a href=\"([^\"]+/api/tracker/[^\"]+)\"")]
    private static partial Regex TrackerLinkPattern();

    /// <summary>The province classified, C01's plan submitted on the run's day, then 20 January 2026 and two findings for Q.G1.C01.</summary>
    internal static async Task<Province> LateJanuaryAsync(AzuriteFixture azurite)
    {
        var province = await Province.ClassifiedAsync(azurite);
        var code = await CodeAsync(province, "Q.G2", "Q.G2.C01");
        var plan = await province.Host.SendAsync(HttpMethod.Put, "/api/remediation/Q.G2.C01/annual-weak/2025", JsonContent.Create(new
        {
            items = new[]
            {
                new { title = "Bổ sung biên bản các tháng thiếu", owner = "Phó bí thư", due = "2026-01-10" },
                new { title = "Tổ chức lại sinh hoạt chi bộ đúng kỳ", owner = "Bí thư chi bộ", due = "2026-03-31" },
            },
        }), new Dictionary<string, string> { [PartyFunctions.Access.Routes.AccessCodeHeader] = code });
        Assert.True(plan.Status == HttpStatusCode.Created, plan.ToString());
        province.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 20, 2, 0, 0, TimeSpan.Zero));
        var record = province.Host.Services.GetRequiredService<FindingsRequests>();
        Assert.True((await record.RecordAsAdminAsync("Q.G1.C01", 2025, ["Biên bản thiếu chữ ký", "Sinh hoạt chưa đúng kỳ"], "Ban Tổ chức", default)).Succeeded);
        return province;
    }

    internal static async Task<string> CodeAsync(Province province, string committee, string cell)
    {
        string? found = null;
        await province.Host.Services.GetRequiredService<IssueAccessCodes>().RunAsync(committee, allUnder: true, issued =>
        {
            found = issued.FirstOrDefault(c => c.Cell.Id == cell)?.Code ?? found;
            return Task.CompletedTask;
        }, default);
        return found ?? throw new InvalidOperationException($"No code issued for {cell}.");
    }
}
