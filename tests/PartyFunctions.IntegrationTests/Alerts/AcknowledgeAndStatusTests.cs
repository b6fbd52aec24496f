using System.Net;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;

namespace PartyFunctions.IntegrationTests.Alerts;

/// <summary>The signed-link pages: acknowledging an alert (GET shows, POST acts) and the superiors' monthly status.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AcknowledgeAndStatusTests(AzuriteFixture azurite)
{
    private const string Nov = "2025-11";

    [Fact]
    public async Task Opening_the_link_only_shows_the_alert_and_posting_it_acknowledges_and_stops_the_chain()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");
        var url = (await world.DigestAsync("cutoff-2025-11", world.AssignedMember))!.Items.Single(i => i.UnitId == world.C1).ActionUrl!;
        var path = new Uri(url).PathAndQuery;
        var token = Uri.UnescapeDataString(path[(path.IndexOf("link=", StringComparison.Ordinal) + 5)..]);

        var page = await world.Host.SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<form method=\"post\"", page.Body, StringComparison.Ordinal);
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.Overdue, world.C1, Nov)).State);

        world.At(2025, 12, 10);
        var posted = await world.Host.SendAsync(HttpMethod.Post, "/api/alerts/acknowledge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["link"] = token }));
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        var alert = await world.AlertAsync(AlertRules.Overdue, world.C1, Nov);
        Assert.Equal(AlertState.Acknowledged, alert.State);
        Assert.Equal($"level 1 ({world.C1})", alert.History[^1].Actor);

        world.At(2025, 12, 16);
        await world.RunAsync("Escalation");
        var office = await world.DigestAsync("escalation-2025-12-16", world.GrassrootsOffice);
        Assert.DoesNotContain(office?.Items ?? [], i => i.UnitId == world.C1);
        Assert.Equal(1, (await world.AlertAsync(AlertRules.Overdue, world.C1, Nov)).StepsTaken);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("view-link")]
    [InlineData("")]
    public async Task A_bad_acknowledge_link_gets_a_403_and_changes_nothing(string kind)
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");
        var good = world.Links.Acknowledge(new AlertKey(AlertRules.Overdue, world.C1, Nov), 1, world.Clock.GetUtcNow());
        var token = Uri.UnescapeDataString(good[(good.IndexOf("link=", StringComparison.Ordinal) + 5)..]);
        if (kind == "expired")
        {
            world.At(2026, 3, 1);
        }

        var sent = kind switch
        {
            "tampered" => token[..^2] + (token[^2] == 'A' ? "BB" : "AA"),
            "view-link" => new Uri(world.Links.Status(world.C1, AlertWorld.November, world.Clock.GetUtcNow())).Query[6..],
            "expired" => token,
            _ => string.Empty,
        };

        var response = await world.Host.SendAsync(HttpMethod.Post, "/api/alerts/acknowledge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["link"] = Uri.UnescapeDataString(sent) }));

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal(AlertState.Open, (await world.AlertAsync(AlertRules.Overdue, world.C1, Nov)).State);
    }

    [Fact]
    public async Task The_status_page_counts_statuses_draws_the_bands_encodes_names_and_offers_the_same_lines_as_csv()
    {
        await using var world = await AlertWorld.CreateAsync(azurite, "Chi bộ <script>alert(1)</script> & Một");
        world.At(2025, 12, 3);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Good);
        world.At(2025, 12, 7);
        await world.SubmitAsync(world.C3, AlertWorld.November, Band.Weak);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");
        var path = new Uri(world.Links.Status(world.Grassroots, AlertWorld.November, world.Clock.GetUtcNow())).PathAndQuery;

        var page = await world.Host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Tình hình báo cáo sinh hoạt chi bộ tháng 11/2025", page.Body, StringComparison.Ordinal);
        Assert.Contains("Chi bộ phải báo cáo: <b>3</b>", page.Body, StringComparison.Ordinal);
        Assert.Contains("Nộp muộn: <b>1</b>", page.Body, StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo: <b>1</b>", page.Body, StringComparison.Ordinal);
        Assert.Contains("<svg", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page.Body, StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo – quá hạn (tháng 11/2025)", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", page.Body, StringComparison.Ordinal);

        var csvPath = path.Replace($"/{Nov}?", $"/{Nov}/csv?", StringComparison.Ordinal);
        var csv = await world.Host.SendAsync(HttpMethod.Get, csvPath);
        Assert.Equal(HttpStatusCode.OK, csv.Status);
        var lines = csv.Body.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFF", csv.Body, StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(world.C1, StringComparison.Ordinal) && l.Contains("NotReported", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(world.C3, StringComparison.Ordinal) && l.Contains("Late,Nộp muộn,Kem,Kém", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("other-unit")]
    [InlineData("bad-period")]
    [InlineData("tampered")]
    public async Task The_status_page_refuses_what_its_link_does_not_cover_with_a_4xx(string kind)
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var link = new Uri(world.Links.Status(world.Grassroots, AlertWorld.November, world.Clock.GetUtcNow())).Query;
        var path = kind switch
        {
            "other-unit" => $"/api/status/{world.District}/{Nov}{link}",
            "bad-period" => $"/api/status/{world.Grassroots}/2025-13{link}",
            _ => $"/api/status/{world.Grassroots}/{Nov}{link[..^3]}",
        };

        var response = await world.Host.SendAsync(HttpMethod.Get, path);

        Assert.Equal(kind == "bad-period" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, response.Status);
        Assert.Null(response.Unhandled);
        // The one error page: HTML, Vietnamese first, then English.
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        var vi = response.Body.IndexOf(kind == "bad-period" ? "Tháng không hợp lệ" : "Liên kết", StringComparison.Ordinal);
        var en = response.Body.IndexOf("<div lang=\"en\">", StringComparison.Ordinal);
        Assert.True(vi > 0 && en > vi, response.Body);
    }
}
