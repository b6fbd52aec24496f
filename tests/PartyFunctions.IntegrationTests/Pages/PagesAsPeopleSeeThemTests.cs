using System.Net;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Notifications;
using PartyFunctions.Scoring;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>The findings of issue 19, one test each: what a secretary, a superior or a committee sees.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PagesAsPeopleSeeThemTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task An_expired_status_link_gets_a_styled_html_page_that_says_what_to_do_next()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        var status = new Uri(world.Links.Status(world.Grassroots, AlertWorld.November, world.Clock.GetUtcNow())).PathAndQuery;
        world.At(2026, 3, 1);

        var page = await world.Host.SendAsync(HttpMethod.Get, status);

        Assert.Equal(HttpStatusCode.Forbidden, page.Status);
        Assert.StartsWith("text/html", page.ContentType, StringComparison.Ordinal);
        Assert.Contains("Liên kết", page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("&#234;", page.Body, StringComparison.Ordinal);
        Assert.Contains("<main>", page.Body, StringComparison.Ordinal);
        Assert.Contains("Hãy mở lại liên kết trong thư mới nhất", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_page_keeps_every_posted_level_reason_and_name_and_marks_the_row_in_error()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var decide = $"/api/decisions/2025/Q.G2?link={Uri.EscapeDataString(province.Link(AnnualRunLinks.DecideAction, "Q"))}";

        var page = await host.SendAsync(HttpMethod.Post, decide, Form(
            ("decidedBy", "Ban Thường vụ Đảng ủy"), ("level.Q.G2.C03", "HTXSNV"), ("reason.Q.G2.C03", "Thành tích nổi bật"),
            ("level.Q.G2.C01", "HTNV")));

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("value=\"Ban Thường vụ Đảng ủy\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("<option value=\"HTXSNV\" selected>", Row(page.Body, "Q.G2.C03"), StringComparison.Ordinal);
        Assert.Contains("value=\"Thành tích nổi bật\"", Row(page.Body, "Q.G2.C03"), StringComparison.Ordinal);
        Assert.Contains("<option value=\"HTNV\" selected>", Row(page.Body, "Q.G2.C01"), StringComparison.Ordinal);
        Assert.Contains("class=\"card bad\" id=\"row-Q.G2.C01\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#reason.Q.G2.C01\">Chi bộ thôn C01 (G2): khác mức đề xuất", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_decision_page_labels_every_control_spells_out_levels_marks_decisions_and_links_to_its_report()
    {
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var link = Uri.EscapeDataString(province.Link(AnnualRunLinks.DecideAction, "Q"));
        var decide = $"/api/decisions/2025/Q.G2?link={link}";
        await host.SendAsync(HttpMethod.Post, decide, Form(("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C03", "HTTNV")));

        var page = (await host.SendAsync(HttpMethod.Get, decide)).Body;

        Assert.Contains("<style>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"level.Q.G2.C05\">", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"reason.Q.G2.C05\">", page, StringComparison.Ordinal);
        Assert.Contains(">HTTNV – Hoàn thành tốt nhiệm vụ</option>", page, StringComparison.Ordinal);
        Assert.Contains("Đã quyết định HTTNV – Hoàn thành tốt nhiệm vụ, Ban Thường vụ lúc", Row(page, "Q.G2.C03"), StringComparison.Ordinal);
        Assert.Contains("Chưa quyết định: đang chọn sẵn mức đề xuất", Row(page, "Q.G2.C05"), StringComparison.Ordinal);
        var report = $"/api/reports/2025/Q.G2?link={link}";
        Assert.Contains($"href=\"{report}\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Get, report)).Status);
    }

    [Fact]
    public async Task The_form_sums_up_field_errors_at_the_top_changes_its_title_and_shows_12_comma_3_back_as_typed()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var page = (await world.PostFormAsync(world.Form(("criteria.conduct", "26"), ("criteria.results", "12,3")))).Body;

        Assert.Contains("<title>Có lỗi – Tự chấm điểm sinh hoạt chi bộ</title>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#criteria.conduct\">Tổ chức sinh hoạt: Phải từ 0 đến 25", page, StringComparison.Ordinal);
        Assert.True(page.IndexOf("id=\"errors\"", StringComparison.Ordinal) < page.IndexOf("<form", StringComparison.Ordinal));
        Assert.Contains("name=\"criteria.results\" value=\"12,3\" type=\"text\" inputmode=\"decimal\"", page, StringComparison.Ordinal);
        Assert.Contains("<output id=\"total\" for=\"", page, StringComparison.Ordinal);
        Assert.Contains(">88,3</output>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_page_writes_months_rules_and_totals_the_Vietnamese_way_without_English_glued_on()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 3);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Good);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");

        var page = (await world.Host.SendAsync(HttpMethod.Get, new Uri(world.Links.Status(world.Grassroots, AlertWorld.November, world.Clock.GetUtcNow())).PathAndQuery)).Body;

        Assert.Contains("tháng 11/2025", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-11<", page, StringComparison.Ordinal);
        Assert.Contains("Chưa báo cáo – quá hạn (tháng 11/2025)", page, StringComparison.Ordinal);
        Assert.DoesNotContain("overdue", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/ cells", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/ status", page, StringComparison.Ordinal);
        Assert.Matches("Tốt</b>, \\d+(,\\d+)? điểm", page);
    }

    [Fact]
    public async Task The_status_page_and_the_report_are_cards_or_scroll_boxes_and_their_charts_scale_with_a_viewBox()
    {
        var pages = await PageGallery.AlertPagesAsync(azurite);
        var status = pages.Single(p => p.Name == "status").Html;

        Assert.Contains("<ul class=\"cards\">", status, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", status, StringComparison.Ordinal);
        Assert.Matches("<svg class=\"chart\"[^>]* viewBox=\"0 0 \\d+ 150\"", status);
        Assert.DoesNotMatch("<svg[^>]* width=\"\\d+\"", status);
        var province = await Province.ClassifiedAsync(azurite);
        await using var host = province.Host;
        var report = (await host.SendAsync(HttpMethod.Get, $"/api/reports/2025/Q?link={Uri.EscapeDataString(province.Link("report", "Q"))}")).Body;
        Assert.Contains("<div class=\"scroll\" role=\"region\"", report, StringComparison.Ordinal);
        Assert.Contains("<main>", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Emails_name_the_rule_the_month_and_the_full_deadline_say_the_last_day_and_greet_an_office_as_an_office()
    {
        var renderer = new DigestRenderer();
        var dueDay = new DateTimeOffset(2025, 12, 5, 1, 0, 0, TimeSpan.Zero);
        var early = new DateTimeOffset(2025, 12, 2, 1, 0, 0, TimeSpan.Zero);
        DigestItem Reminder() => new(NotificationKind.Reminder, "C1", "Chi bộ thôn Một", "2025-11", "reminders");
        var office = new Digest(DigestId.For("r", "vp@x.vn"), new Recipient("vp@x.vn", "Đảng ủy xã Thử", Office: true), Digest.Vietnamese, early,
        [
            new(NotificationKind.Overdue, "C1", "Chi bộ thôn Một", "2025-11", AlertRules.Overdue, 2),
            new(NotificationKind.WeakMonth, "C1", "Chi bộ thôn Một", "2025-11", AlertRules.WeakMonth, 2),
        ]);

        var last = renderer.Render(new Digest(DigestId.For("d0", "a@x.vn"), new Recipient("a@x.vn"), Digest.Vietnamese, dueDay, [Reminder()]), "n@x.vn");
        var before = renderer.Render(new Digest(DigestId.For("d3", "a@x.vn"), new Recipient("a@x.vn"), Digest.Vietnamese, early, [Reminder()]), "n@x.vn");
        var toOffice = renderer.Render(office, "n@x.vn");

        Assert.Contains("hôm nay là ngày cuối, hạn 23:59 hôm nay (05/12/2025)", last.Text, StringComparison.Ordinal);
        Assert.Contains("chưa nộp tự chấm điểm tháng 11/2025; hạn 23:59 ngày 05/12/2025.", before.Text, StringComparison.Ordinal);
        Assert.StartsWith("Kính gửi Văn phòng Đảng ủy xã Thử,", toOffice.Text, StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Một – Chưa báo cáo – quá hạn, tháng 11/2025.", toOffice.Text, StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Một – Sinh hoạt xếp loại Kém, tháng 11/2025.", toOffice.Text, StringComparison.Ordinal);
        foreach (var email in PageGallery.Emails().Where(e => e.Name.EndsWith("-vi", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch("overdue|weak-month|needs-consolidation|reason|Ref:", email.Html);
        }
    }

    [Fact]
    public async Task Cutoff_digests_link_to_the_status_page_and_an_assigned_members_weak_month_to_its_confirm_sheet()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 3);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Weak);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");
        await world.RunAsync("Escalation");

        var member = (await world.DigestAsync("escalation-2025-12-09", world.AssignedMember))!;
        var office = (await world.DigestAsync("cutoff-2025-11", world.GrassrootsOffice))!;

        var weak = member.Items.Single(i => i.Kind == NotificationKind.WeakMonth);
        var sheet = new Uri(weak.ViewUrl!).PathAndQuery;
        Assert.StartsWith($"/api/confirm/{world.C2}/2025-11?link=", sheet, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await world.Host.SendAsync(HttpMethod.Get, sheet)).Status);
        var overdue = office.Items.Single(i => i.UnitId == world.C3);
        var status = new Uri(overdue.ViewUrl!).PathAndQuery;
        Assert.StartsWith($"/api/status/{world.Grassroots}/2025-11?link=", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await world.Host.SendAsync(HttpMethod.Get, status)).Status);
        Assert.True(office.Recipient.Office);
        Assert.Contains(status.Replace("&", "&amp;", StringComparison.Ordinal), new DigestRenderer().Render(office, "n@x.vn").Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledge_confirm_and_receipt_pages_speak_plainly_name_the_cell_and_show_who_acknowledged_and_why_it_was_corrected()
    {
        var submission = await PageGallery.SubmissionPagesAsync(azurite);
        var alerts = await PageGallery.AlertPagesAsync(azurite);
        string Html(IReadOnlyList<PageGallery.Shown> pages, string name) => pages.Single(p => p.Name == name).Html;

        Assert.DoesNotContain("valid link", Html(alerts, "acknowledge"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Liên kết hợp lệ", Html(alerts, "acknowledge"), StringComparison.Ordinal);
        Assert.Matches("Đã nắm lúc \\d\\d:\\d\\d ngày \\d\\d/\\d\\d/\\d{4} \\(cấp 1: ", Html(alerts, "acknowledge-again"));
        Assert.DoesNotContain(">Acknowledged<", Html(alerts, "acknowledge-again"), StringComparison.Ordinal);
        Assert.DoesNotContain("link:", Html(submission, "error-confirm-link"), StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Đông (Mã chi bộ BN.TUMAI.DONGCAO.CB1)", Html(submission, "receipt"), StringComparison.Ordinal);
        Assert.Contains("<output id=\"total\"", Html(submission, "confirm"), StringComparison.Ordinal);
        Assert.Contains("<dd id=\"confirmed-reason\">Biên bản thiếu chữ ký</dd>", Html(submission, "confirm-done"), StringComparison.Ordinal);
    }

    private static string Row(string page, string unitId)
    {
        var start = page.IndexOf($"id=\"row-{unitId}\"", StringComparison.Ordinal);
        Assert.True(start > 0, $"No row {unitId}");
        return page[start..page.IndexOf("</li>", start, StringComparison.Ordinal)];
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
