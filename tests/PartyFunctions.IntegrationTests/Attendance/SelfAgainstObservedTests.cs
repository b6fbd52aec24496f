using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Attendance;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// Self against observed on the committee's pages: the monthly status (page and CSV) and the annual report (page and
/// CSV) show, for a month with both, the self-score, the observed score and the difference; other months show nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SelfAgainstObservedTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_status_page_and_its_csv_show_the_self_score_beside_the_observed_score_and_the_difference()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 84))).Status);
        var link = Uri.EscapeDataString(world.LinkFor(AttendanceWorld.Member, "view"));

        var page = await world.Host.SendAsync(HttpMethod.Get, $"/api/status/{AttendanceWorld.Superior}/2025-11?link={link}");
        var csv = await world.Host.SendAsync(HttpMethod.Get, $"/api/status/{AttendanceWorld.Superior}/2025-11/csv?link={link}");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Contains("<p class=\"observed\">Tự chấm 95 (Tốt); dự sinh hoạt 84 (Khá) – Trần Thị Bình, ngày 12/11/2025; tự chấm cao hơn 11 điểm</p>",
            page.Body, StringComparison.Ordinal);
        Assert.Single(page.Body.Split("class=\"observed\"").Skip(1));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        var lines = csv.Body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unitId,name,superior,status,statusVi,band,bandVi,total,openAlerts,selfTotal,observedTotal,observedBand,difference", lines[0]);
        Assert.EndsWith(",95,84,Kha,11", Assert.Single(lines, l => l.StartsWith(AttendanceWorld.Cell + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",,,,", Assert.Single(lines, l => l.StartsWith(Submissions.SubmissionWorld.OtherCell + ",", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_report_and_its_csv_show_each_month_with_both_scores_and_the_difference()
    {
        var province = await Province.CreateAsync(azurite);
        await using var host = province.Host;
        province.Store.Failing = false;
        var records = host.Services.GetRequiredService<IAttendanceStore>();
        // Q.G2.C03 self-scores every month 80 (Khá): a member saw 65 in March and 82 in July; December is past the run.
        foreach (var (month, day, total, band) in new[] { (3, 12, 65m, Band.Average), (7, 9, 82m, Band.Fair), (12, 1, 50m, Band.Average) })
        {
            var record = Observed("Q.G2.C03", new DateOnly(2025, month, day), total, band);
            Assert.True(await records.TryAddAsync(record, default));
            await records.IndexAsync(record, "Q.G2", default);
        }

        await host.RunTimerAsync("AnnualClassification", new TimerInfo());
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        var page = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G2?link={province.Link("report", "Q.G2")}");
        var csv = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G2?format=csv&link={province.Link("report", "Q.G2")}");
        var provinceCsv = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q?format=csv&link={province.Link("report", "Q")}");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Contains("<td>Tháng 03: Tự chấm 80 (Khá); dự sinh hoạt 65 (Trung bình) – Phạm Văn Dự, ngày 12/03/2025; tự chấm cao hơn 15 điểm<br>"
            + "Tháng 07: Tự chấm 80 (Khá); dự sinh hoạt 82 (Khá) – Phạm Văn Dự, ngày 09/07/2025; tự chấm thấp hơn 2 điểm</td><td>Q.G2.C03</td>",
            page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng 12:", page.Body, StringComparison.Ordinal);
        foreach (var report in new[] { csv, provinceCsv })
        {
            var lines = report.Body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.EndsWith(",flags,observedMonths,selfVsObserved,largestDifference", lines[0], StringComparison.Ordinal);
            Assert.EndsWith(",2,2025-03 80/65/15; 2025-07 80/82/-2,15", Assert.Single(lines, l => l.StartsWith("Q.G2.C03,", StringComparison.Ordinal)), StringComparison.Ordinal);
            Assert.EndsWith(",0,,", Assert.Single(lines, l => l.StartsWith("Q.G2.C04,", StringComparison.Ordinal)), StringComparison.Ordinal);
        }
    }

    private static AttendanceRecord Observed(string unit, DateOnly day, decimal total, Band band) => new(
        unit, ScorePeriod.Of(day), day, "du@q.dang.vn", "Phạm Văn Dự", ["Phạm Văn Dự"], "Dự họp.", string.Empty,
        new ObservedScore("vn-2025", new Dictionary<string, decimal> { ["conduct"] = 20 }, new MeetingFacts(true, false, 20, 0, 19, 0, 95, false), total, band, []),
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), "R-" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), 1);
}
