using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Attendance;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Notifications;
using PartyFunctions.Presentation.Notifications;
using PartyFunctions.Remediation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Pages;

/// <summary>
/// Every page a person sees, in each of its states, as the app's functions answer them (the form, receipt, confirmation
/// sheet, acknowledge page, status page, annual reports, decision page, error pages), and every kind of email.
/// </summary>
internal static class PageGallery
{
    public sealed record Shown(string Name, string Html);

    public static async Task<IReadOnlyList<Shown>> AllAsync(AzuriteFixture azurite)
    {
        var pages = new List<Shown>();
        pages.AddRange(await SubmissionPagesAsync(azurite));
        pages.AddRange(await AlertPagesAsync(azurite));
        pages.AddRange(await AnnualPagesAsync(azurite));
        pages.AddRange(await AttendancePagesAsync(azurite));
        pages.AddRange(await YearGridPagesAsync(azurite));
        pages.AddRange(await DeskPagesAsync(azurite));

        pages.AddRange(await TrackerPagesAsync(azurite));
        pages.AddRange(await PlanPagesAsync(azurite));
        pages.AddRange(Emails());
        return pages;
    }

    public static async Task<IReadOnlyList<Shown>> SubmissionPagesAsync(AzuriteFixture azurite)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var pages = new List<Shown>
        {
            await GetAsync(world.Host, "form", "/api/form"),
            await GetAsync(world.Host, "form-en", "/api/form?lang=en"),
            Page("form-errors", await world.PostFormAsync(world.Form(("criteria.conduct", "26"), ("accessCode", null))), HttpStatusCode.BadRequest),
            Page("receipt", await world.PostFormAsync(world.Form(("criteria.results", "22,5"))), HttpStatusCode.OK),
        };
        var signer = world.Host.Services.GetRequiredService<LinkSigner>();
        var link = Uri.EscapeDataString(signer.Sign(new SignedLink(ConfirmScore.Action, SubmissionWorld.Superior, world.Clock.GetUtcNow().AddDays(30))));
        var confirm = $"/api/confirm/{SubmissionWorld.Cell}/2025-11?link={link}";
        var sheet = await GetAsync(world.Host, "confirm", confirm);
        pages.Add(sheet);
        var version = System.Text.RegularExpressions.Regex.Match(sheet.Html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        pages.Add(Page("confirm-errors", await world.Host.SendAsync(HttpMethod.Post, confirm, Form(
            ("version", version), ("receiptId", ReceiptId.New()), ("criteria.conduct", "20"), ("confirmerName", ""))), HttpStatusCode.BadRequest));
        pages.Add(Page("confirm-done", await world.Host.SendAsync(HttpMethod.Post, confirm, Form(
            ("version", version), ("receiptId", ReceiptId.New()), ("criteria.preparation", "15"), ("criteria.attendance", "15"),
            ("criteria.duration", "5"), ("criteria.conduct", "20"), ("criteria.principles", "5"), ("criteria.results", "22,5"), ("criteria.closing", "10"),
            ("confirmerName", "Trần Thị Bình"), ("reason", "Biên bản thiếu chữ ký"))), HttpStatusCode.OK));
        pages.Add(Page("error-confirm-link", await world.Host.SendAsync(HttpMethod.Get, confirm + "xx"), HttpStatusCode.Forbidden));
        return pages;
    }

    public static async Task<IReadOnlyList<Shown>> AlertPagesAsync(AzuriteFixture azurite)
    {
        await using var world = await AlertWorld.CreateAsync(azurite);
        world.At(2025, 12, 3);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Good);
        world.At(2025, 12, 7);
        await world.SubmitAsync(world.C3, AlertWorld.November, Band.Weak);
        world.At(2025, 12, 9, 0, 5);
        await world.RunAsync("Cutoff");
        var ack = new Uri(world.Links.Acknowledge(new AlertKey(AlertRules.Overdue, world.C1, "2025-11"), 1, world.Clock.GetUtcNow())).PathAndQuery;
        var token = Uri.UnescapeDataString(ack[(ack.IndexOf("link=", StringComparison.Ordinal) + 5)..]);
        var status = new Uri(world.Links.Status(world.Grassroots, AlertWorld.November, world.Clock.GetUtcNow())).PathAndQuery;
        var pages = new List<Shown>
        {
            await GetAsync(world.Host, "acknowledge", ack),
            Page("acknowledged", await world.Host.SendAsync(HttpMethod.Post, "/api/alerts/acknowledge", Form(("link", token))), HttpStatusCode.OK),
            await GetAsync(world.Host, "acknowledge-again", ack),
            await GetAsync(world.Host, "status", status),
            Page("error-status-link", await world.Host.SendAsync(HttpMethod.Get, status[..^3]), HttpStatusCode.Forbidden),
        };
        var renderer = new DigestRenderer();
        foreach (var email in new[] { world.AssignedMember, world.GrassrootsOffice })
        {
            if (await world.DigestAsync("cutoff-2025-11", email) is { } digest)
            {
                pages.Add(new Shown($"email-cutoff-{(email == world.AssignedMember ? "member" : "office")}", renderer.Render(digest, "noreply@example.vn").Html));
            }
        }

        return pages;
    }

    public static async Task<IReadOnlyList<Shown>> AnnualPagesAsync(AzuriteFixture azurite)
    {
        var province = await Province.CreateAsync(azurite);
        province.Store.Failing = false;
        await using var host = province.Host;
        // Two months of a cell observed by a member, so the committee's report shows self against observed.
        var attendance = host.Services.GetRequiredService<PartyFunctions.Attendance.IAttendanceStore>();
        foreach (var (day, total, band) in new[] { (new DateOnly(2025, 3, 12), 65m, Band.Average), (new DateOnly(2025, 7, 9), 82m, Band.Fair) })
        {
            var record = new PartyFunctions.Attendance.AttendanceRecord("Q.G2.C03", ScorePeriod.Of(day), day, "du@q.dang.vn", "Phạm Văn Dự", ["Phạm Văn Dự"],
                "Dự họp.", string.Empty, new PartyFunctions.Attendance.ObservedScore("vn-2025", new Dictionary<string, decimal> { ["conduct"] = 20 },
                    new MeetingFacts(true, false, 20, 0, 19, 0, 95, false), total, band, []), province.Clock.GetUtcNow(), ReceiptId.New(), 1);
            Assert.True(await attendance.TryAddAsync(record, default));
            await attendance.IndexAsync(record, "Q.G2", default);
        }

        await host.RunTimerAsync("AnnualClassification", new Microsoft.Azure.Functions.Worker.TimerInfo());
        await host.DrainQueueAsync(Configuration.StorageNames.ClassificationShardsQueue);
        var decide = $"/api/decisions/2025/Q.G2?link={Uri.EscapeDataString(province.Link(AnnualRunLinks.DecideAction, "Q"))}";
        return
        [
            await GetAsync(host, "report-province", $"/api/reports/2025/Q?link={Uri.EscapeDataString(province.Link(AnnualRunLinks.ReportAction, "Q"))}"),
            await GetAsync(host, "report-committee", $"/api/reports/2025/Q.G2?link={Uri.EscapeDataString(province.Link(AnnualRunLinks.ReportAction, "Q.G2"))}"),
            await GetAsync(host, "decisions", decide),
            await GetAsync(host, "decisions-en", decide + "&lang=en"),
            Page("decisions-errors", await host.SendAsync(HttpMethod.Post, decide, Form(
                ("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C03", "HTTNV"), ("level.Q.G2.C01", "HTNV"))), HttpStatusCode.BadRequest),
            Page("decisions-done", await host.SendAsync(HttpMethod.Post, decide, Form(
                ("decidedBy", "Ban Thường vụ"), ("level.Q.G2.C03", "HTTNV"), ("level.Q.G2.C01", "HTNV"), ("reason.Q.G2.C01", "Đã khắc phục"))), HttpStatusCode.OK),
            Page("error-report-link", await host.SendAsync(HttpMethod.Get, "/api/reports/2025/Q?link=expired"), HttpStatusCode.Forbidden),
        ];
    }

    /// <summary>The monthly status's year view: a committee's cells, the province's committees, in English.</summary>
    public static async Task<IReadOnlyList<Shown>> YearGridPagesAsync(AzuriteFixture azurite)
    {
        var province = await Status.YearGridTests.ProvinceWithALateMarchAsync(azurite);
        await using var host = province.Host;
        return
        [
            await GetAsync(host, "year-grid", $"/api/status/Q.G2/2025/year?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q.G2"))}"),
            await GetAsync(host, "year-grid-province", $"/api/status/Q/2025/year?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q"))}&lang=en"),
        ];
    }

    /// <summary>The member's desk (urgent units, a plan, an attendance), in English, with no unit followed, and a bad link.</summary>
    public static async Task<IReadOnlyList<Shown>> DeskPagesAsync(AzuriteFixture azurite)
    {
        var province = await Attendance.MemberDeskTests.DeskWorldAsync(azurite);
        await using var host = province.Host;
        var desk = Attendance.MemberDeskTests.DeskPath(province, Attendance.MemberDeskTests.Member);
        return
        [
            await GetAsync(host, "desk", desk),
            await GetAsync(host, "desk-en", desk + "&lang=en"),
            await GetAsync(host, "desk-none", Attendance.MemberDeskTests.DeskPath(province, "nobody@q.dang.vn")),
            Page("error-desk-link", await host.SendAsync(HttpMethod.Get, desk[..desk.IndexOf('?', StringComparison.Ordinal)] + "?link=expired"), HttpStatusCode.Forbidden),
        ];
    }

    /// <summary>A committee member's attendance record: empty, in English, refused with errors, stored, and a bad link.</summary>
    public static async Task<IReadOnlyList<Shown>> AttendancePagesAsync(AzuriteFixture azurite)
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        return
        [
            Page("attend", await world.GetFormAsync(), HttpStatusCode.OK),
            Page("attend-en", await world.GetFormAsync("&lang=en"), HttpStatusCode.OK),
            Page("attend-errors", await world.PostFormAsync(world.Form(score: 85, ("criteria.conduct", "26"), ("meetingDate", "2025-10-30"), ("attendees", ""))),
                HttpStatusCode.BadRequest),
            Page("attend-done", await world.PostFormAsync(world.Form(score: 85)), HttpStatusCode.OK),
            .. await ObservedPagesAsync(world),
            Page("error-attend-link", await world.Host.SendAsync(HttpMethod.Get, $"/api/attend/{AttendanceWorld.Cell}?link=expired"), HttpStatusCode.Forbidden),
        ];
    }

    /// <summary>
    /// A month attended and scored lower than the cell's self-score: the confirmation sheet with the choice to adopt the
    /// observed score, refused without a reason, then adopted; the monthly status with both scores; the attendance duty.
    /// </summary>
    private static async Task<List<Shown>> ObservedPagesAsync(AttendanceWorld world)
    {
        await world.SelfScoreAsync(95);
        var sheet = await GetAsync(world.Host, "confirm-observed", world.ConfirmPath());
        var view = Uri.EscapeDataString(world.LinkFor(AttendanceWorld.Member, AlertLinks.ViewAction));
        var status = await GetAsync(world.Host, "status-observed", $"/api/status/{AttendanceWorld.Superior}/2025-11?link={view}");
        var version = System.Text.RegularExpressions.Regex.Match(sheet.Html, "name=\"version\" value=\"(\\d+)\"").Groups[1].Value;
        (string, string)[] adopt = [("link", world.LinkFor(AttendanceWorld.Member, ConfirmScore.Action)), ("version", version), ("receiptId", ReceiptId.New()),
            ("adoptObserved", PartyFunctions.Attendance.MemberKey.Of(AttendanceWorld.Member)), ("confirmerName", "Trần Thị Bình")];
        var path = $"/api/confirm/{AttendanceWorld.Cell}/2025-11";
        return
        [
            sheet,
            Page("confirm-adopt-errors", await world.Host.SendAsync(HttpMethod.Post, path, Form([.. adopt, ("reason", "")])), HttpStatusCode.BadRequest),
            Page("confirm-adopted", await world.Host.SendAsync(HttpMethod.Post, path, Form([.. adopt, ("reason", "Thảo luận chưa sâu như biên bản dự")])),
                HttpStatusCode.OK),
            status,
            await GetAsync(world.Host, "duty", $"/api/status/{AttendanceWorld.Superior}/2025-11/duty?link={view}"),
            await GetAsync(world.Host, "duty-en", $"/api/status/{AttendanceWorld.Superior}/2025-09/duty?link={view}&lang=en"),
            Page("error-duty-link", await world.Host.SendAsync(HttpMethod.Get, $"/api/status/{AttendanceWorld.Superior}/2025-11/duty?link=expired"),
                HttpStatusCode.Forbidden),
        ];
    }

    /// <summary>The committee's tracker (a late plan, a plan never written, findings) and the superior's findings page in each state.</summary>
    public static async Task<IReadOnlyList<Shown>> TrackerPagesAsync(AzuriteFixture azurite)
    {
        var province = await PlanTrackerTests.LateJanuaryAsync(azurite);
        await using var host = province.Host;
        var tracker = $"/api/tracker/Q/2025?link={Uri.EscapeDataString(province.Link(AlertLinks.ViewAction, "Q"))}";
        var findings = $"/api/findings/Q.G2.C02/2025?link={Uri.EscapeDataString(province.Link(PlanLinks.ReviewAction, "Q.G2"))}";
        return
        [
            await GetAsync(host, "tracker", tracker),
            await GetAsync(host, "tracker-en", tracker + "&sort=unit&lang=en"),
            await GetAsync(host, "findings", findings),
            Page("findings-errors", await host.SendAsync(HttpMethod.Post, findings, Form(("findings", "Biên bản thiếu chữ ký"), ("by", ""))), HttpStatusCode.BadRequest),
            Page("findings-done", await host.SendAsync(HttpMethod.Post, findings, Form(
                ("findings", "Biên bản thiếu chữ ký\nSinh hoạt chưa đúng kỳ"), ("by", "Trần Thị Bình"))), HttpStatusCode.OK),
            await GetAsync(host, "findings-en", findings + "&lang=en"),
            Page("error-tracker-link", await host.SendAsync(HttpMethod.Get, "/api/tracker/Q/2025?link=expired"), HttpStatusCode.Forbidden),
        ];
    }

    /// <summary>The cell's plan pages (sign in, new, refused, with evidence, none to write) and the member's review page.</summary>
    public static async Task<IReadOnlyList<Shown>> PlanPagesAsync(AzuriteFixture azurite)
    {
        await using var world = await Remediation.PlanPagesWorld.CreateAsync(azurite);
        var signIn = await world.Host.SendAsync(HttpMethod.Get, Remediation.PlanPagesWorld.PlanPath);
        var wrongCode = await world.PostAsync(Remediation.PlanPagesWorld.PlanPath, ("do", "signin"), ("accessCode", "WRONG-CODE"));
        var (fresh, session) = await world.SignInAsync();
        var refused = await world.SubmitAsync(session, ("title1", "Tổ chức lại sinh hoạt"), ("owner1", ""), ("due1", "31/02/2026"));
        var submitted = await world.SubmitAsync(session, ("title1", "Tổ chức lại sinh hoạt đúng kỳ"), ("owner1", "Bí thư chi bộ"), ("due1", "2026-03-31"));
        var withEvidence = await world.UploadAsync(session, "1", Remediation.PlanPagesWorld.Png(), "bien-ban.png");
        var home = await world.Host.SendAsync(HttpMethod.Get, "/api/plan");
        var none = await world.PostAsync("/api/plan", ("unitId", "Q.G1.C01"), ("accessCode", (await world.Province.CodesAsync("Q.G1"))["Q.G1.C01"]));
        var review = await world.Host.SendAsync(HttpMethod.Get, world.ReviewPath);
        var reviewRefused = await world.PostAsync(world.ReviewPath, ("do", "return"), ("by", ""), ("comment", ""));
        return
        [
            Page("plan-signin", signIn, HttpStatusCode.OK),
            Page("plan-signin-wrong-code", wrongCode, HttpStatusCode.Forbidden),
            Page("plan-new", fresh, HttpStatusCode.OK),
            Page("plan-errors", refused, HttpStatusCode.BadRequest),
            Page("plan-submitted", submitted, HttpStatusCode.OK),
            Page("plan-evidence", withEvidence, HttpStatusCode.OK),
            Page("plan-home", home, HttpStatusCode.OK),
            Page("plan-choose-none", none, HttpStatusCode.OK),
            Page("review", review, HttpStatusCode.OK),
            Page("review-errors", reviewRefused, HttpStatusCode.BadRequest),
            await GetAsync(world.Host, "review-en", world.ReviewPath + "&lang=en"),
        ];
    }

    /// <summary>One email of each kind, in Vietnamese and in English.</summary>
    public static IReadOnlyList<Shown> Emails()
    {
        var renderer = new DigestRenderer();
        var now = new DateTimeOffset(2025, 12, 8, 17, 5, 0, TimeSpan.Zero);
        const string Base = "https://party.example.vn/api/";
        var items = new DigestItem[]
        {
            new(NotificationKind.Reminder, "BN.C1", "Chi bộ thôn Một", "2025-11", "reminders", ActionUrl: Base + "form?unit=BN.C1"),
            new(NotificationKind.Overdue, "BN.C1", "Chi bộ thôn Một", "2025-11", AlertRules.Overdue, 1, ActionUrl: Base + "alerts/acknowledge?link=a",
                DeskUrl: Base + "desk/0123456789abcdef?link=j"),
            new(NotificationKind.WeakMonth, "BN.C2", "Chi bộ thôn Hai", "2025-10", AlertRules.WeakMonth, 1, ActionUrl: Base + "alerts/acknowledge?link=b"),
            new(NotificationKind.NeedsConsolidation, "BN.C2", "Chi bộ thôn Hai", "2025-10", AlertRules.NeedsConsolidation, 1, ActionUrl: Base + "alerts/acknowledge?link=c"),
            new(NotificationKind.AnnualWeak, "BN.C3", "Chi bộ thôn Ba", "2025", AlertRules.AnnualWeak, 1, ActionUrl: Base + "alerts/acknowledge?link=d"),
            new(NotificationKind.Escalated, "BN.C4", "Chi bộ thôn Bốn", "2025-09", AlertRules.Overdue, 2, ActionUrl: Base + "alerts/acknowledge?link=e"),
            new(NotificationKind.Repeated, "BN.C5", "Chi bộ thôn Năm", "2025-09", AlertRules.Overdue, 3, ActionUrl: Base + "alerts/acknowledge?link=f"),
            new(NotificationKind.Resolved, "BN.C6", "Chi bộ thôn Sáu", "2025-08", AlertRules.Overdue),
            new(NotificationKind.AnnualReportReady, "BN", "Đảng ủy xã Tư Mại", "2025", "annual-report", ActionUrl: Base + "decisions/2025/BN?link=g",
                ViewUrl: Base + "reports/2025/BN?link=h", TrackerUrl: Base + "tracker/BN/2025?link=i"),
            new(NotificationKind.PoisonAlert, "vp@example.vn", "vp@example.vn", Detail: "Lý do: hộp thư đầy."),
            new(NotificationKind.TimerLate, "Cutoff", "Cutoff"),
            new(NotificationKind.ScoreGap, "BN.C7", "Chi bộ thôn Bảy", "2025-11", AlertRules.ScoreGap, 2, ActionUrl: Base + "alerts/acknowledge?link=h",
                Detail: "Chi bộ tự chấm 95 điểm (Tốt); Trần Thị Bình dự sinh hoạt ngày 12/11/2025 chấm 84 điểm (Khá), chênh 11 điểm."),
            new(NotificationKind.AttendanceDue, "BN", "Đảng ủy xã Tư Mại", "01/10/2025–31/12/2025", Detail: "Chi bộ thôn Một, Chi bộ thôn Hai",
                DeskUrl: Base + "desk/0123456789abcdef?link=k"),
            new(NotificationKind.AttendanceBehind, "BN", "Đảng ủy xã Tư Mại", "01/10/2025–31/12/2025", Detail: "Lê Văn Cường: Chi bộ thôn Một",
                ViewUrl: Base + "status/BN/2025-12/duty?link=l"),
        };
        return [.. new[] { Digest.Vietnamese, Digest.English }.Select(language => new Shown($"email-every-kind-{language}", renderer.Render(
            new Digest(DigestId.For("gallery", "uv@example.vn"), new Recipient("uv@example.vn", "Nguyễn Văn Hùng"), language, now, items),
            "noreply@example.vn").Html))];
    }

    private static async Task<Shown> GetAsync(FunctionHost host, string name, string path) =>
        Page(name, await host.SendAsync(HttpMethod.Get, path), HttpStatusCode.OK);

    private static Shown Page(string name, HttpResponseSnapshot response, HttpStatusCode expected)
    {
        Assert.True(response.Status == expected, $"{name}: {response}");
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        return new Shown(name, response.Body);
    }

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));
}
