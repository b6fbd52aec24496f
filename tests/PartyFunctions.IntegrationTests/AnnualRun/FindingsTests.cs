using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>The superior's findings through the signed page and the admin API, on the classified small province (Q.G1.C01 is not weak).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FindingsTests(AzuriteFixture azurite)
{
    private const string Admin = "/api/admin/findings/Q.G1.C01/2025";
    private static readonly AlertKey FindingsAlert = new(AlertRules.Findings, "Q.G1.C01", "2025");

    [Fact]
    public void The_findings_page_is_an_anonymous_GET_and_POST_and_the_admin_API_a_function_key_PUT()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Equal(("findings/{unitId}/{year:int}", "Anonymous", "get"),
            (metadata["FindingsPage"].Trigger.Route, metadata["FindingsPage"].Trigger.AuthLevel, Assert.Single(metadata["FindingsPage"].Trigger.Methods!)));
        Assert.Equal(("findings/{unitId}/{year:int}", "post"), (metadata["FindingsRecord"].Trigger.Route, Assert.Single(metadata["FindingsRecord"].Trigger.Methods!)));
        Assert.Equal(("admin/findings/{unitId}/{year:int}", "Function", "put"),
            (metadata["FindingsAdmin"].Trigger.Route, metadata["FindingsAdmin"].Trigger.AuthLevel, Assert.Single(metadata["FindingsAdmin"].Trigger.Methods!)));
    }

    [Fact]
    public async Task Findings_for_a_unit_that_is_not_weak_open_a_findings_alert_and_its_plan_must_cover_each_of_them()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var code = await PlanTrackerTests.CodeAsync(province, "Q.G1", "Q.G1.C01");
        var plan = "/api/remediation/Q.G1.C01/findings/2025";
        var access = new Dictionary<string, string> { [PartyFunctions.Access.Routes.AccessCodeHeader] = code };

        var recorded = await host.SendAsync(HttpMethod.Put, Admin, JsonContent.Create(new { findings = new[] { "Biên bản thiếu chữ ký", "Sinh hoạt chưa đúng kỳ" }, by = "Ban Tổ chức" }));
        var again = await host.SendAsync(HttpMethod.Put, Admin, JsonContent.Create(new { findings = new[] { "Biên bản thiếu chữ ký", "Sinh hoạt chưa đúng kỳ" }, by = "Ban Tổ chức" }));
        var uncovered = await host.SendAsync(HttpMethod.Put, plan, JsonContent.Create(new
        {
            items = new[] { new { title = "Bổ sung chữ ký biên bản", owner = "Bí thư", due = "2026-01-31", covers = new[] { "1" } } },
        }), access);
        var covered = await host.SendAsync(HttpMethod.Put, plan, JsonContent.Create(new
        {
            items = new[]
            {
                new { title = "Bổ sung chữ ký biên bản", owner = "Bí thư", due = "2026-01-31", covers = new[] { "1" } },
                new { title = "Sinh hoạt đúng ngày 5 hằng tháng", owner = "Phó bí thư", due = "2026-02-28", covers = new[] { "2" } },
            },
        }), access);

        Assert.True(recorded.Status == HttpStatusCode.Created, recorded.ToString());
        Assert.Equal(["1", "2"], recorded.Json<UnitFindings>().Items.Select(f => f.Id));
        Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
        Assert.True((await host.Services.GetRequiredService<IAlertStore>().GetAsync(FindingsAlert, default))!.Alert.IsOpen);
        Assert.True(uncovered.Status == HttpStatusCode.BadRequest, uncovered.ToString());
        Assert.Contains("Hạn chế 2 (“Sinh hoạt chưa đúng kỳ”) chưa có nội dung nào khắc phục", uncovered.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Hạn chế 1 ", uncovered.Body, StringComparison.Ordinal);
        Assert.True(covered.Status == HttpStatusCode.Created, covered.ToString());
    }

    [Fact]
    public async Task The_superior_records_findings_on_the_page_which_then_shows_them_and_GET_records_nothing()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var page = $"/api/findings/Q.G1.C01/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G1"))}";

        var empty = await host.SendAsync(HttpMethod.Get, page);
        Assert.Null(await host.Services.GetRequiredService<IFindingsStore>().GetAsync("Q.G1.C01", 2025, default));
        var posted = await host.SendAsync(HttpMethod.Post, page, Form(("findings", "Biên bản thiếu chữ ký\r\n\r\n  Sinh hoạt chưa đúng kỳ  \r\n"), ("by", "Trần Thị Bình")));

        Assert.True(empty.Status == HttpStatusCode.OK, empty.ToString());
        Assert.Contains("Chưa ghi hạn chế nào", empty.Body, StringComparison.Ordinal);
        Assert.True(posted.Status == HttpStatusCode.OK, posted.ToString());
        Assert.Contains("<ol id=\"stored\"><li>Biên bản thiếu chữ ký</li><li>Sinh hoạt chưa đúng kỳ</li>", posted.Body, StringComparison.Ordinal);
        Assert.Contains("Đã ghi 2 hạn chế", posted.Body, StringComparison.Ordinal);
        var stored = (await host.Services.GetRequiredService<IFindingsStore>().GetAsync("Q.G1.C01", 2025, default))!.Findings;
        Assert.Equal(("Trần Thị Bình", 2), (stored.RecordedBy, stored.Items.Count));
    }

    [Fact]
    public async Task The_decision_page_links_each_cell_to_its_findings_which_the_decide_link_opens_and_records_but_only_in_its_committee()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var decide = Uri.EscapeDataString(province.Link(PartyFunctions.AnnualRun.AnnualRunLinks.DecideAction, "Q.G1"));

        var decisions = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G1?link={decide}");
        var findingsUrl = $"/api/findings/Q.G1.C01/2025?link={decide}";
        var shown = await host.SendAsync(HttpMethod.Get, findingsUrl);
        var posted = await host.SendAsync(HttpMethod.Post, findingsUrl, Form(("findings", "Biên bản thiếu chữ ký"), ("by", "Ban Thường vụ")));
        var outside = await host.SendAsync(HttpMethod.Get, $"/api/findings/Q.G2.C01/2025?link={decide}");

        Assert.True(decisions.Status == HttpStatusCode.OK, decisions.ToString());
        Assert.Contains($"<a href=\"{findingsUrl}\">Ghi hạn chế, yêu cầu khắc phục</a>", decisions.Body, StringComparison.Ordinal);
        Assert.True(shown.Status == HttpStatusCode.OK, shown.ToString());
        Assert.True(posted.Status == HttpStatusCode.OK, posted.ToString());
        Assert.Equal("Ban Thường vụ", (await host.Services.GetRequiredService<IFindingsStore>().GetAsync("Q.G1.C01", 2025, default))!.Findings.RecordedBy);
        Assert.Equal(HttpStatusCode.Forbidden, outside.Status);
    }

    [Fact]
    public async Task Bad_findings_input_is_a_4xx_with_the_message_beside_its_field_the_values_kept_and_nothing_stored()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var page = $"/api/findings/Q.G1.C01/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G1"))}";
        var tooMany = string.Join('\n', Enumerable.Range(1, RecordFindings.MaxFindings + 1).Select(i => $"Hạn chế số {i}"));

        var noName = await host.SendAsync(HttpMethod.Post, page, Form(("findings", "Biên bản thiếu chữ ký"), ("by", " ")));
        var blank = await host.SendAsync(HttpMethod.Post, page, Form(("findings", "\r\n  \r\n"), ("by", "Trần Thị Bình")));
        var many = await host.SendAsync(HttpMethod.Post, page, Form(("findings", tooMany), ("by", "Trần Thị Bình")));
        var foreign = await host.SendAsync(HttpMethod.Post, $"/api/findings/Q.G1.C01/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G2"))}",
            Form(("findings", "Biên bản thiếu chữ ký"), ("by", "Trần Thị Bình")));
        var viewLink = await host.SendAsync(HttpMethod.Get, $"/api/findings/Q.G1.C01/2025?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q"))}");
        var emptyList = await host.SendAsync(HttpMethod.Put, Admin, JsonContent.Create(new { findings = Array.Empty<string>(), by = "Ban Tổ chức" }));
        var noBy = await host.SendAsync(HttpMethod.Put, Admin, JsonContent.Create(new { findings = new[] { "Biên bản thiếu chữ ký" } }));
        var notJson = await host.SendAsync(HttpMethod.Put, Admin, new StringContent("findings=1"));
        var unknown = await host.SendAsync(HttpMethod.Put, "/api/admin/findings/Q.G9.C01/2025", JsonContent.Create(new { findings = new[] { "Biên bản" }, by = "Ban Tổ chức" }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (noName.Status, blank.Status, many.Status));
        Assert.Contains("<p class=\"err\" id=\"by-err\">Cần ghi họ tên người ghi", noName.Body, StringComparison.Ordinal);
        Assert.Contains(">Biên bản thiếu chữ ký</textarea>", noName.Body, StringComparison.Ordinal);
        Assert.Contains("<p class=\"err\" id=\"findings-err\">Cần từ 1 đến 20 hạn chế", many.Body, StringComparison.Ordinal);
        Assert.Contains("Hạn chế số 21</textarea>", many.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"Trần Thị Bình\"", many.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"findings-err\"", blank.Body, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (foreign.Status, viewLink.Status));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (emptyList.Status, noBy.Status, notJson.Status, unknown.Status));
        Assert.Equal("findings", emptyList.Json<JsonElement>().GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal("by", noBy.Json<JsonElement>().GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Null(await host.Services.GetRequiredService<IFindingsStore>().GetAsync("Q.G1.C01", 2025, default));
        Assert.Null(await host.Services.GetRequiredService<IAlertStore>().GetAsync(FindingsAlert, default));
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
