using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Presentation.Status;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Status;

/// <summary>
/// The monthly status's year view on the small province (15 December 2025, January to November scored): Q.G2's cells
/// C01 always Kém, C02 never reported but for a late March, C03..C10 always Khá; the province sees its four committees.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class YearGridTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_committee_sees_each_of_its_cells_twelve_months_coloured_by_band_with_the_totals_per_month()
    {
        var province = await ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;

        var page = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G2/2025/year?link={View(province, "Q.G2")}");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Equal(SmallProvince.CellsOf("Q.G2"), Rows(page.Body));
        Assert.DoesNotContain("Q.G1.C01", page.Body, StringComparison.Ordinal);
        var c01 = Card(page.Body, "Q.G2.C01");
        var c02 = Card(page.Body, "Q.G2.C02");
        Assert.Contains("<li class=\"b-Weak\" title=\"tháng 01/2025: Kém, 40 điểm\">T1 Kém</li>", c01, StringComparison.Ordinal);
        Assert.Contains(">T12 …</li>", c01, StringComparison.Ordinal);
        Assert.Contains("<li class=\"b-Missing\" title=\"tháng 01/2025: chưa báo cáo\">T1 Thiếu</li>", c02, StringComparison.Ordinal);
        Assert.Contains("<li class=\"b-Average late\" title=\"tháng 03/2025: Trung bình, 65 điểm, nộp muộn\">T3 TB</li>", c02, StringComparison.Ordinal);
        // Months down, then Tốt, Khá, TB, Kém, Thiếu, Muộn.
        Assert.Contains("<tr><th scope=\"row\">T1</th><td>0</td><td>8</td><td>0</td><td>1</td><td>1</td><td>0</td></tr>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">T3</th><td>0</td><td>8</td><td>1</td><td>1</td><td>0</td><td>1</td></tr>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">T12</th><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_province_sees_its_committees_share_of_bands_per_month_and_totals_over_every_cell()
    {
        var province = await ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;

        var path = $"/api/status/Q/2025/year?link={View(province, "Q")}";
        var page = await host.SendAsync(HttpMethod.Get, path);
        var english = await host.SendAsync(HttpMethod.Get, path + "&lang=en");

        Assert.True(page.Status == HttpStatusCode.OK, page.ToString());
        Assert.Equal(["Q.G1", "Q.G2", "Q.G3", "Q.G4"], Rows(page.Body));
        Assert.Contains("<title>T1 Khá: 8/10</title>", Card(page.Body, "Q.G2"), StringComparison.Ordinal);
        Assert.Contains("<title>T1 Thiếu: 1/10</title>", Card(page.Body, "Q.G2"), StringComparison.Ordinal);
        Assert.Contains("<title>T9 Tốt: 10/10</title>", Card(page.Body, "Q.G3"), StringComparison.Ordinal);
        Assert.DoesNotContain("<title>T8 ", Card(page.Body, "Q.G3"), StringComparison.Ordinal);
        // 10 + 8 + 2 Tốt, 8 Khá, 1 Kém, 1 missing in January; Q.G3 not active yet.
        Assert.Contains("<tr><th scope=\"row\">T1</th><td>12</td><td>8</td><td>0</td><td>1</td><td>1</td><td>0</td></tr>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<title>T1 Fair: 8/10</title>", english.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_committees_link_opens_no_other_committees_year_and_no_other_action_opens_it()
    {
        var province = await ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;
        var g2 = View(province, "Q.G2");

        var other = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G1/2025/year?link={g2}");
        var above = await host.SendAsync(HttpMethod.Get, $"/api/status/Q/2025/year?link={g2}");
        var otherCsv = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G1/2025/year/csv?link={g2}");
        var wrongAction = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G2/2025/year?link={Uri.EscapeDataString(province.Link(ConfirmScore.Action, "Q.G2"))}");
        var badYear = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G2/1999/year?link={g2}");

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.BadRequest),
            (other.Status, above.Status, otherCsv.Status, wrongAction.Status, badYear.Status));
    }

    [Fact]
    public async Task The_year_CSV_starts_with_the_BOM_and_has_a_line_per_cell_and_month()
    {
        var province = await ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;

        var csv = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G2/2025/year/csv?link={View(province, "Q.G2")}");

        Assert.True(csv.Status == HttpStatusCode.OK, csv.ToString());
        Assert.StartsWith("text/csv", csv.ContentType, StringComparison.Ordinal);
        Assert.Equal('\uFEFF', csv.Body[0]);
        var lines = csv.Body[1..].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(string.Join(',', YearGridPage.CsvHeader), lines[0]);
        Assert.Equal(120, lines.Length - 1);
        Assert.Equal("Q.G2.C01,Chi bộ thôn C01 (G2),1,2025-01,Scored,Kem,Kém,40,no,no,0,0,0,1,0,0,0", lines[1]);
        Assert.Contains("Q.G2.C02,Chi bộ thôn C02 (G2),1,2025-03,Scored,TrungBinh,Trung bình,65,yes,no,0,0,1,0,0,1,0", lines);
        Assert.DoesNotContain("link=", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_monthly_status_page_links_to_its_year_with_the_same_link()
    {
        var province = await ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;

        var status = await host.SendAsync(HttpMethod.Get, $"/api/status/Q.G2/2025-11?link={View(province, "Q.G2")}");
        var href = YearLinkPattern().Match(status.Body).Groups[1].Value;
        var year = await host.SendAsync(HttpMethod.Get, WebUtility.HtmlDecode(href));

        Assert.StartsWith("/api/status/Q.G2/2025/year?link=", WebUtility.HtmlDecode(href), StringComparison.Ordinal);
        Assert.True(year.Status == HttpStatusCode.OK, year.ToString());
    }

    /// <summary>The status page's signed "view" link over <paramref name="scope"/>, escaped for a query.</summary>
    private static string View(Province province, string scope) => Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, scope));

    /// <summary>The unit ids of the grid's cards, in the page's order.</summary>
    private static List<string> Rows(string html) => RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>One card of the page, from its id to the end of the card.</summary>
    private static string Card(string html, string unitId)
    {
        var start = html.IndexOf($"id=\"row-{unitId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, unitId);
        return html[start..html.IndexOf("</li>\n", html.IndexOf("class=\"note\"", start, StringComparison.Ordinal), StringComparison.Ordinal)];
    }

    [GeneratedRegex("id=\"row-([A-Z0-9.]+)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<a href=\"(/api/status/[^\"]+/year\\?[^\"]+)\"")]
    private static partial Regex YearLinkPattern();

    /// <summary>The small province at its run time, with a late March score (TB, 65) for Q.G2.C02, which reported nothing else.</summary>
    internal static async Task<Province> ProvinceWithALateMarchAsync(AzuriteFixture azurite)
    {
        var province = await Province.CreateAsync(azurite);
        province.Store.Failing = false;
        var late = new ScoreRecord("Q.G2.C02", "Q.G2", new ScorePeriod(2025, 3), "vn-2025", new Dictionary<string, decimal> { ["conduct"] = 10 },
            new MeetingFacts(true, false, 20, 0, 15, 2, 95, false), 65, Band.Average, [], new DateTimeOffset(2025, 4, 12, 2, 0, 0, TimeSpan.Zero), true, "R-late", 1);
        Assert.True((await province.Host.Services.GetRequiredService<IScoreStore>().TryAddAsync(late, default)).Written);
        return province;
    }
}
