using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Attendance;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// The member's desk on the small province on 20 January 2026 (the tracker's world): Trần Thị Bình follows Q.G2.C01
/// (always Kém, plan submitted with an item overdue), Q.G2.C02 (never reported, no plan in 36 days), Q.G2.C03 (always
/// Khá, attended in November) and, outside the desk's scope, Q.G1.C01; Q.G2.C04 is another member's. This quarter Bình
/// attended C01, and another member C02.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class MemberDeskTests(AzuriteFixture azurite)
{
    public const string Member = "binh@q.dang.vn";

    [Fact]
    public void The_desk_is_an_anonymous_GET()
    {
        var trigger = FunctionsMetadata.OfBuiltApp["MemberDesk"].Trigger;

        Assert.Equal(("desk/{memberKey}", "Anonymous", "get"), (trigger.Route, trigger.AuthLevel, Assert.Single(trigger.Methods!)));
    }

    [Fact]
    public async Task The_desk_lists_the_members_units_in_scope_most_urgent_first_with_months_alerts_plans_and_attendance()
    {
        var province = await DeskWorldAsync(azurite);
        await using var host = province.Host;

        var desk = await host.SendAsync(HttpMethod.Get, DeskPath(province, Member));

        Assert.True(desk.Status == HttpStatusCode.OK, desk.ToString());
        // Both C01 and C02 have an open alert and a plan overdue; C02, never reported, is not attended this quarter either.
        Assert.Equal(["Q.G2.C02", "Q.G2.C01", "Q.G2.C03"], Units(desk.Body));
        Assert.DoesNotContain("Q.G1.C01", desk.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Q.G2.C04", desk.Body, StringComparison.Ordinal);
        var c01 = Card(desk.Body, "Q.G2.C01");
        Assert.Contains("/api/confirm/Q.G2.C01/2025-01?link=", c01, StringComparison.Ordinal);
        Assert.Contains(">T1 Kém</a>", c01, StringComparison.Ordinal);
        Assert.Contains("Đã gửi, chờ xem xét", c01, StringComparison.Ordinal);
        Assert.Contains("/api/review/Q.G2.C01/annual-weak/2025?link=", c01, StringComparison.Ordinal);
        Assert.Contains("Yếu kém cả năm, cần khắc phục (2025), mở 36 ngày", c01, StringComparison.Ordinal);
        var c02 = Card(desk.Body, "Q.G2.C02");
        Assert.Contains("Chưa có kế hoạch", c02, StringComparison.Ordinal);
        Assert.Contains("&amp;period=2025-01\">T1 Thiếu</a>", c02, StringComparison.Ordinal);
        var c03 = Card(desk.Body, "Q.G2.C03");
        Assert.Contains(">T11 Khá</a> ◉</li>", c03, StringComparison.Ordinal);
        Assert.Contains(">T10 Khá</a></li>", c03, StringComparison.Ordinal);
        Assert.Contains("Lần dự sinh hoạt gần nhất: 12/11/2025 – Trần Thị Bình (84 điểm)", c03, StringComparison.Ordinal);
        Assert.Contains("Cảnh báo đang mở: không có", c03, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desk_lists_the_units_its_member_has_not_attended_yet_this_quarter()
    {
        var province = await DeskWorldAsync(azurite);
        await using var host = province.Host;

        var desk = await host.SendAsync(HttpMethod.Get, DeskPath(province, Member));

        Assert.Contains("<h2>Dự sinh hoạt kỳ 01/01/2026 – 31/03/2026</h2>", desk.Body, StringComparison.Ordinal);
        Assert.Contains("<p>Chưa dự sinh hoạt:</p>", desk.Body, StringComparison.Ordinal);
        Assert.Contains("Mỗi đơn vị được đồng chí phụ trách dự sinh hoạt ít nhất một lần mỗi 3 tháng.", desk.Body, StringComparison.Ordinal);
        Assert.Equal(["Q.G2.C02", "Q.G2.C03"], DutyPattern().Matches(desk.Body).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("Chưa dự sinh hoạt kỳ này", Card(desk.Body, "Q.G2.C01"), StringComparison.Ordinal);
        Assert.Contains("Chưa dự sinh hoạt kỳ này", Card(desk.Body, "Q.G2.C02"), StringComparison.Ordinal);
        Assert.Contains("Lần dự sinh hoạt gần nhất: 15/01/2026 – Trần Thị Bình", Card(desk.Body, "Q.G2.C01"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_desks_links_open_the_confirm_sheet_and_the_attendance_form_of_the_unit()
    {
        var province = await DeskWorldAsync(azurite);
        await using var host = province.Host;
        var desk = await host.SendAsync(HttpMethod.Get, DeskPath(province, Member));
        var c03 = Card(desk.Body, "Q.G2.C03");

        var confirm = await host.SendAsync(HttpMethod.Get, Href(c03, "/api/confirm/Q.G2.C03/2025-11"));
        var attend = await host.SendAsync(HttpMethod.Get, Href(c03, "/api/attend/Q.G2.C03"));

        Assert.True(confirm.Status == HttpStatusCode.OK, confirm.ToString());
        Assert.True(attend.Status == HttpStatusCode.OK, attend.ToString());
        Assert.Contains("Chi bộ thôn C03 (G2)", attend.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_members_link_another_action_or_a_bad_link_opens_no_desk()
    {
        var province = await DeskWorldAsync(azurite);
        await using var host = province.Host;
        var key = MemberKey.Of(Member);
        string Link(string action, string subject) =>
            Uri.EscapeDataString(province.Signer.Sign(new SignedLink(action, "Q.G2", province.Clock.GetUtcNow().AddDays(30), MemberKey.Of(subject))));

        var otherMember = await host.SendAsync(HttpMethod.Get, $"/api/desk/{key}?link={Link(AlertLinks.DeskAction, "khac@q.dang.vn")}");
        var otherAction = await host.SendAsync(HttpMethod.Get, $"/api/desk/{key}?link={Link(AlertLinks.ViewAction, Member)}");
        var attendAction = await host.SendAsync(HttpMethod.Get, $"/api/desk/{key}?link={Link(RecordAttendance.Action, Member)}");
        var garbage = await host.SendAsync(HttpMethod.Get, $"/api/desk/{key}?link=expired");
        var addressed = await host.SendAsync(HttpMethod.Get,
            $"/api/desk/{key}?link={Uri.EscapeDataString(province.Signer.Sign(new SignedLink(AlertLinks.DeskAction, "Q.G2", province.Clock.GetUtcNow().AddDays(30), Member)))}");
        var own = await host.SendAsync(HttpMethod.Get, $"/api/desk/{MemberKey.Of("khac@q.dang.vn")}?link={Link(AlertLinks.DeskAction, "khac@q.dang.vn")}");

        Assert.Equal(
            (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (otherMember.Status, otherAction.Status, attendAction.Status, garbage.Status, addressed.Status));
        Assert.True(own.Status == HttpStatusCode.OK, own.ToString());
        Assert.Equal(["Q.G2.C04"], Units(own.Body));
    }

    [Fact]
    public async Task A_members_alert_digest_links_to_their_desk_over_the_cells_committee()
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");

        var member = await world.DigestAsync("cutoff-2025-11", world.AssignedMember);
        var office = await world.DigestAsync("cutoff-2025-11", world.GrassrootsOffice);
        var deskUrl = Assert.IsType<string>(member!.Items[0].DeskUrl);
        var desk = await world.Host.SendAsync(HttpMethod.Get, new Uri(deskUrl).PathAndQuery);

        Assert.StartsWith($"/api/desk/{MemberKey.Of(world.AssignedMember)}?link=", new Uri(deskUrl).PathAndQuery, StringComparison.Ordinal);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(deskUrl).Query)["link"];
        Assert.Equal(MemberKey.Of(world.AssignedMember), world.Host.Services.GetRequiredService<LinkSigner>().Verify(token, AlertLinks.DeskAction).Link!.Subject);
        var payload = System.Text.Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(token!.Split('.')[0]));
        Assert.DoesNotContain(world.AssignedMember, deskUrl + payload, StringComparison.OrdinalIgnoreCase);
        Assert.All(office!.Items, i => Assert.Null(i.DeskUrl));
        Assert.True(desk.Status == HttpStatusCode.OK, desk.ToString());
        Assert.Contains(world.C1, Units(desk.Body));
    }

    internal static string DeskPath(Province province, string member, string scope = "Q.G2") =>
        $"/api/desk/{MemberKey.Of(member)}?link={Uri.EscapeDataString(province.Signer.Sign(new SignedLink(AlertLinks.DeskAction, scope, province.Clock.GetUtcNow().AddDays(30), MemberKey.Of(member))))}";

    /// <summary>The tracker's late January, with the units assigned as above and Bình's November attendance of Q.G2.C03 (observed 84).</summary>
    internal static async Task<Province> DeskWorldAsync(AzuriteFixture azurite)
    {
        var province = await PlanTrackerTests.LateJanuaryAsync(azurite);
        var units = province.Host.Services.GetRequiredService<IUnitStore>();
        var changes = new List<UnitChange>();
        foreach (var (id, name, email) in new[]
        {
            ("Q.G2.C01", "Trần Thị Bình", Member), ("Q.G2.C02", "Trần Thị Bình", Member), ("Q.G2.C03", "Trần Thị Bình", Member),
            ("Q.G1.C01", "Trần Thị Bình", Member), ("Q.G2.C04", "Lê Văn Khác", "khac@q.dang.vn"),
        })
        {
            var before = (await units.GetAsync(id, default))!;
            changes.Add(new UnitChange(before, before with { AssignedMemberName = name, AssignedMemberEmail = email }));
        }

        await units.SaveAsync(changes, default);
        var observed = new ObservedScore("vn-2025", new Dictionary<string, decimal> { ["conduct"] = 20 }, new MeetingFacts(true, false, 20, 0, 19, 0, 95, false), 84, Band.Fair, []);
        Assert.True(await province.Host.Services.GetRequiredService<IAttendanceStore>().TryAddAsync(new AttendanceRecord(
            "Q.G2.C03", new ScorePeriod(2025, 11), new DateOnly(2025, 11, 12), Member, "Trần Thị Bình", ["Trần Thị Bình"],
            "Chuẩn bị chu đáo.", "Bám sát nghị quyết.", observed, province.Clock.GetUtcNow(), "R-attend", 1), default));
        // This quarter: Bình attended C01; another member attended C02, which does not count for Bình's duty.
        await AttendAsync(province, "Q.G2.C01", new DateOnly(2026, 1, 15), Member);
        await AttendAsync(province, "Q.G2.C02", new DateOnly(2026, 1, 10), "khac@q.dang.vn");
        return province;
    }

    private static async Task AttendAsync(Province province, string unit, DateOnly day, string author) =>
        Assert.True(await province.Host.Services.GetRequiredService<IAttendanceStore>().TryAddAsync(new AttendanceRecord(
            unit, new ScorePeriod(day.Year, day.Month), day, author, author == Member ? "Trần Thị Bình" : "Lê Văn Khác", ["Trần Thị Bình"],
            "Sinh hoạt đúng kỳ.", "Không.", null, province.Clock.GetUtcNow(), "R-" + unit, 1), default));

    private static List<string> Units(string html) => UnitPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    private static string Card(string html, string unitId)
    {
        var start = html.IndexOf($"id=\"unit-{unitId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, unitId);
        return html[start..html.IndexOf("</li>\n", html.IndexOf("class=\"note\"", start, StringComparison.Ordinal), StringComparison.Ordinal)];
    }

    /// <summary>The path and query of the first link in <paramref name="html"/> that starts with <paramref name="path"/>.</summary>
    private static string Href(string html, string path)
    {
        var match = Regex.Match(html, $"href=\"http://localhost:7071({Regex.Escape(path)}\\?[^\"]+)\"");
        Assert.True(match.Success, path);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("id=\"unit-([A-Za-z0-9.]+)\"")]
    private static partial Regex UnitPattern();

    [GeneratedRegex("<li><a href=\"#unit-([A-Za-z0-9.]+)\">")]
    private static partial Regex DutyPattern();
}
