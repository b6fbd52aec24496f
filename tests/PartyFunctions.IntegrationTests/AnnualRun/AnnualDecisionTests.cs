using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.AnnualRun;

[Collection(AzuriteCollection.Name)]
public sealed class AnnualDecisionTests(AzuriteFixture azurite)
{
    [Fact]
    public void Decision_routes_are_a_signed_link_page_and_a_function_key_admin_api()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Equal(("decisions/{year:int}/{committeeId}", "Anonymous"), (metadata["AnnualDecisionForm"].Trigger.Route, metadata["AnnualDecisionForm"].Trigger.AuthLevel));
        Assert.Equal(["get"], metadata["AnnualDecisionForm"].Trigger.Methods);
        Assert.Equal(["post"], metadata["AnnualDecisionSubmit"].Trigger.Methods);
        Assert.Equal(("admin/classification/{year:int}/units/{unitId}/decision", "Function"),
            (metadata["AnnualDecisionAdmin"].Trigger.Route, metadata["AnnualDecisionAdmin"].Trigger.AuthLevel));
        Assert.Equal(["post"], metadata["AnnualDecisionAdmin"].Trigger.Methods);
    }

    [Fact]
    public async Task The_committee_confirms_and_overrides_by_link_GET_decides_nothing_and_the_report_shows_the_final_level()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var link = Uri.EscapeDataString(province.Link(AnnualRunLinks.DecideAction, "Q"));

        var form = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G2?link={link}&decidedBy=x&level.Q.G2.C01=HTNV");
        Assert.True(form.Status == HttpStatusCode.OK, form.ToString());
        Assert.Contains("name=\"level.Q.G2.C01\"", form.Body, StringComparison.Ordinal);
        Assert.All(await Results(host, "Q.G2"), r => Assert.Null(r.Decision));

        var missingReason = await host.SendAsync(HttpMethod.Post, $"/api/decisions/2025/Q.G2?link={link}", Form(
            ("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C03", "HTTNV"), ("level.Q.G2.C01", "HTNV")));
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.Status);
        Assert.Contains("phải ghi lý do", missingReason.Body, StringComparison.Ordinal);
        Assert.All(await Results(host, "Q.G2"), r => Assert.Null(r.Decision));

        var posted = await host.SendAsync(HttpMethod.Post, $"/api/decisions/2025/Q.G2?link={link}", Form(
            ("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C03", "HTTNV"), ("level.Q.G2.C01", "HTNV"), ("reason.Q.G2.C01", "Đã khắc phục trong quý IV")));
        Assert.True(posted.Status == HttpStatusCode.OK, posted.ToString());

        var g2 = (await Results(host, "Q.G2")).ToDictionary(r => r.UnitId);
        Assert.Equal((Level.Good, false), (g2["Q.G2.C03"].Final, g2["Q.G2.C03"].Decision!.Override));
        Assert.Equal((Level.Complete, true, "Đã khắc phục trong quý IV", "Ban Thường vụ", Province.RunTime),
            (g2["Q.G2.C01"].Final, g2["Q.G2.C01"].Decision!.Override, g2["Q.G2.C01"].Decision!.Reason, g2["Q.G2.C01"].Decision!.DecidedBy, g2["Q.G2.C01"].Decision!.DecidedAt));
        Assert.Null(g2["Q.G2.C02"].Decision);

        // A redelivered shard recomputes the proposals and keeps the decisions.
        await province.Shards.SendMessageAsync(System.Text.Json.JsonSerializer.Serialize(new ShardMessage("annual-2025", 2025, "Q.G2")));
        await host.DrainQueueAsync(StorageNames.ClassificationShardsQueue);
        Assert.Equal(Level.Complete, (await Results(host, "Q.G2")).Single(r => r.UnitId == "Q.G2.C01").Final);
        var csv = await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q.G2?format=csv&link={province.Link("report", "Q.G2")}");
        Assert.Contains(",KHTNV,HTNV,override", csv.Body, StringComparison.Ordinal);
        Assert.Contains("Q.G2.C03,Chi bộ thôn C03 (G2),Q.G2,11,0,11,0,Kha,HTTNV,HTTNV,", csv.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_page_is_Vietnamese_by_default_English_on_request_and_keeps_the_language_and_link_when_posted()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var link = Uri.EscapeDataString(province.Link(AnnualRunLinks.DecideAction, "Q"));

        var vi = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G2?link={link}");
        var en = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G2?link={link}&lang=en");
        var posted = await host.SendAsync(HttpMethod.Post, $"/api/decisions/2025/Q.G2?link={link}",
            Form(("lang", "en"), ("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C01", "HTNV")));

        Assert.Contains("<html lang=\"vi\">", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Ghi quyết định", vi.Body, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/decisions/2025/Q.G2?link={link}\"", vi.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", en.Body, StringComparison.Ordinal);
        Assert.Contains("Record the decisions", en.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ghi quyết định", en.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, posted.Status);
        Assert.Contains("Chi bộ thôn C01 (G2): an override needs a reason.", posted.Body, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", posted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decide_link_cannot_reach_another_committee_and_other_actions_are_refused()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;

        var other = await host.SendAsync(HttpMethod.Post, $"/api/decisions/2025/Q.G2?link={Uri.EscapeDataString(province.Link("decide", "Q.G1"))}",
            Form(("decidedBy", "x"), ("level.Q.G2.C03", "HTTNV")));
        var report = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G2?link={Uri.EscapeDataString(province.Link("report", "Q"))}");
        var tampered = await host.SendAsync(HttpMethod.Get, $"/api/decisions/2025/Q.G2?link={Uri.EscapeDataString(province.Link("decide", "Q"))}x");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (other.Status, report.Status, tampered.Status));
        Assert.All(await Results(host, "Q.G2"), r => Assert.Null(r.Decision));
    }

    [Fact]
    public async Task The_admin_api_records_a_decision_once_and_refuses_an_unexplained_override_or_an_unknown_unit()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        const string Route = "/api/admin/classification/2025/units/Q.G1.C01/decision";

        var noReason = await host.SendAsync(HttpMethod.Post, Route, JsonContent.Create(new { level = "HTXSNV", decidedBy = "Văn phòng" }));
        var unknown = await host.SendAsync(HttpMethod.Post, "/api/admin/classification/2025/units/Q.G9.C01/decision",
            JsonContent.Create(new { level = "HTTNV", decidedBy = "Văn phòng" }));
        var badLevel = await host.SendAsync(HttpMethod.Post, Route, JsonContent.Create(new { level = "GIOI", decidedBy = "Văn phòng" }));
        var notJson = await host.SendAsync(HttpMethod.Post, Route, new StringContent("level=HTTNV"));
        Assert.Equal(
            (HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (noReason.Status, unknown.Status, badLevel.Status, notJson.Status));
        Assert.Null((await Results(host, "Q.G1")).Single(r => r.UnitId == "Q.G1.C01").Decision);

        var body = new { level = "HTXSNV", reason = "Thành tích nổi bật", decidedBy = "Văn phòng" };
        var first = await host.SendAsync(HttpMethod.Post, Route, JsonContent.Create(body));
        var again = await host.SendAsync(HttpMethod.Post, Route, JsonContent.Create(body));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("\"changed\":1", first.Body, StringComparison.Ordinal);
        Assert.Contains("\"changed\":0", again.Body, StringComparison.Ordinal);
        var decided = (await Results(host, "Q.G1")).Single(r => r.UnitId == "Q.G1.C01");
        Assert.Equal((Level.Good, Level.Excellent, true), (decided.Proposed, decided.Final, decided.Decision!.Override));
    }

    private static Task<IReadOnlyList<AnnualResult>> Results(FunctionHost host, string committee) =>
        host.Services.GetRequiredService<IAnnualResultStore>().GetAsync(2025, committee, default);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
