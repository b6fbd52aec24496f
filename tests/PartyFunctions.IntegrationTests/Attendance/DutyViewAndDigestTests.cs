using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Attendance;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Heartbeat;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Notifications;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// The attendance duty per member, beside the monthly status and in the digests. Đông Cao's cells: Đông and Tây
/// followed by Lê Văn Cường, Nam by Đỗ Thị Dung; Đông Cao itself by Trần Thị Bình (for Tự Mai). Cường attended Đông
/// on 30 September (the third quarter) and Tây on 2 October, Dung attended Nam on 1 December; Bình attended nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class DutyViewAndDigestTests(AzuriteFixture azurite)
{
    private const string Committee = "BN.TUMAI.DONGCAO";
    private const string Cuong = "cuong@dongcao.dang.vn";
    private const string Dung = "dung@dongcao.dang.vn";
    private const string Binh = "binh@tumai.dang.vn";
    private const string Office = "vp@dongcao.dang.vn";

    private static readonly string[] Units =
    [
        "BN,,province,Tỉnh ủy Bắc Ninh,2020-01-01,,,vp@bn.dang.vn,,",
        "BN.TUMAI,BN,district,Huyện ủy Tự Mai,2020-01-01,,,vp@tumai.dang.vn,Nguyễn Văn An,an@bn.dang.vn",
        $"{Committee},BN.TUMAI,grassroots,Đảng ủy xã Đông Cao,2020-01-01,,,{Office},Trần Thị Bình,{Binh}",
        $"{Committee}.CB1,{Committee},cell,Chi bộ thôn Đông,2020-01-01,,bithu1@gmail.com,,Lê Văn Cường,{Cuong}",
        $"{Committee}.CB2,{Committee},cell,Chi bộ thôn Tây,2020-01-01,,bithu2@gmail.com,,Lê Văn Cường,{Cuong}",
        $"{Committee}.CB3,{Committee},cell,Chi bộ thôn Nam,2020-01-01,,bithu3@gmail.com,,Đỗ Thị Dung,{Dung}",
    ];

    [Fact]
    public async Task The_duty_page_lists_per_member_the_units_not_attended_in_the_quarter_a_meeting_on_30_September_not_counting_for_the_fourth()
    {
        await using var world = await WorldAsync();

        var december = await world.Host.SendAsync(HttpMethod.Get, DutyPath("2025-12"));
        var september = await world.Host.SendAsync(HttpMethod.Get, DutyPath("2025-09"));
        var english = await world.Host.SendAsync(HttpMethod.Get, DutyPath("2025-12") + "&lang=en");

        Assert.True(december.Status == HttpStatusCode.OK, december.ToString());
        Assert.Contains("Kỳ 01/10/2025–31/12/2025: mỗi đơn vị được dự sinh hoạt ít nhất một lần trong 3 tháng, do đồng chí phụ trách dự. Kỳ đang diễn ra.",
            december.Body, StringComparison.Ordinal);
        Assert.Contains("<li>Chưa được dự sinh hoạt: <b>1</b></li>", december.Body, StringComparison.Ordinal);
        Assert.Equal(["Chi bộ thôn Đông"], NotAttended(Card(december.Body, "Lê Văn Cường")));
        Assert.Contains("Đã dự đủ các đơn vị trong kỳ.", Card(december.Body, "Đỗ Thị Dung"), StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị Bình", december.Body, StringComparison.Ordinal);

        // November's period is still running on 3 December: Dung's meeting on 1 December counts for it.
        var november = await world.Host.SendAsync(HttpMethod.Get, DutyPath("2025-11"));
        Assert.Contains("Kỳ 01/10/2025–31/12/2025", november.Body, StringComparison.Ordinal);
        Assert.Contains("Kỳ đang diễn ra.", november.Body, StringComparison.Ordinal);
        Assert.Contains("Đã dự đủ các đơn vị trong kỳ.", Card(november.Body, "Đỗ Thị Dung"), StringComparison.Ordinal);

        Assert.Contains("Kỳ 01/07/2025–30/09/2025", september.Body, StringComparison.Ordinal);
        Assert.Contains("Kỳ đã kết thúc.", september.Body, StringComparison.Ordinal);
        Assert.Equal(["Chi bộ thôn Tây"], NotAttended(Card(september.Body, "Lê Văn Cường")));
        Assert.Equal(["Chi bộ thôn Nam"], NotAttended(Card(september.Body, "Đỗ Thị Dung")));

        Assert.Contains("<html lang=\"en\">", english.Body, StringComparison.Ordinal);
        Assert.Contains("Period 2025-10-01–2025-12-31", english.Body, StringComparison.Ordinal);
        var status = await world.Host.SendAsync(HttpMethod.Get, $"/api/status/{Committee}/2025-12?link={View(world)}");
        Assert.Contains($"href=\"/api/status/{Committee}/2025-12/duty?link=", status.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fourteen_days_before_the_quarter_ends_members_behind_and_their_office_get_one_duty_line_each_once_however_often_the_run_runs()
    {
        await using var world = await WorldAsync();
        var outbox = world.Host.Services.GetRequiredService<IOutbox>();

        // The day before: no duty lines (not nagged every day).
        world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 16, 9, 0, 0, TimeSpan.FromHours(7)));
        await world.Host.RunTimerAsync("Escalation", new TimerInfo());
        Assert.Null(await outbox.GetAsync(DigestId.For("escalation-2025-12-16", Cuong), default));

        world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 17, 9, 0, 0, TimeSpan.FromHours(7)));
        await using var other = world.Host.StartAnotherInstance();
        await Task.WhenAll(world.Host.RunTimerAsync("Escalation", new TimerInfo()), other.RunTimerAsync("Escalation", new TimerInfo()));
        await world.Host.RunTimerAsync("Escalation", new TimerInfo());
        await FunctionHost.DrainQueueAsync([world.Host, other], StorageNames.DigestsQueue);

        var cuong = Assert.Single((await outbox.GetAsync(DigestId.For("escalation-2025-12-17", Cuong), default))!.Digest.Items);
        Assert.Equal((NotificationKind.AttendanceDue, Committee, "01/10/2025–31/12/2025", "Chi bộ thôn Đông"), (cuong.Kind, cuong.UnitId, cuong.Period, cuong.Detail));
        Assert.Contains($"/api/desk/{MemberKey.Of(Cuong)}?link=", cuong.DeskUrl, StringComparison.Ordinal);
        Assert.Null(await outbox.GetAsync(DigestId.For("escalation-2025-12-17", Dung), default));
        var office = Assert.Single((await outbox.GetAsync(DigestId.For("escalation-2025-12-17", Office), default))!.Digest.Items);
        Assert.Equal((NotificationKind.AttendanceBehind, "Lê Văn Cường: Chi bộ thôn Đông"), (office.Kind, office.Detail));
        Assert.Contains($"/api/status/{Committee}/2025-12/duty?link=", office.ViewUrl, StringComparison.Ordinal);
        // Bình follows Đông Cao for Tự Mai: Tự Mai's office hears of it, not Đông Cao's.
        Assert.Equal("Trần Thị Bình: Đảng ủy xã Đông Cao",
            Assert.Single((await outbox.GetAsync(DigestId.For("escalation-2025-12-17", "vp@tumai.dang.vn"), default))!.Digest.Items).Detail);

        // One email each, whatever the number of runs.
        Assert.Equal(1, mail.Sent.Count(m => m.To.Email == Cuong));
        Assert.Equal(1, mail.Sent.Count(m => m.To.Email == Office));
        Assert.Equal(0, mail.Sent.Count(m => m.To.Email == Dung));
        var email = mail.Sent.Single(m => m.To.Email == Cuong);
        Assert.Contains("Cần dự sinh hoạt chi bộ", email.Html, StringComparison.Ordinal);
        Assert.Contains("Bàn làm việc của đồng chí", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_first_day_after_the_quarter_the_members_who_missed_it_are_told_and_the_next_days_are_quiet()
    {
        await using var world = await WorldAsync();
        var outbox = world.Host.Services.GetRequiredService<IOutbox>();

        world.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        await world.Host.RunTimerAsync("Escalation", new TimerInfo());
        world.Clock.SetUtcNow(new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.FromHours(7)));
        await world.Host.RunTimerAsync("Escalation", new TimerInfo());

        var line = Assert.Single((await outbox.GetAsync(DigestId.For("escalation-2026-01-01", Cuong), default))!.Digest.Items);
        Assert.Equal(("01/10/2025–31/12/2025", "Chi bộ thôn Đông"), (line.Period, line.Detail));
        Assert.Null(await outbox.GetAsync(DigestId.For("escalation-2026-01-02", Cuong), default));
    }

    private static string Card(string body, string member)
    {
        var start = body.IndexOf($"<li class=\"card\"><h3>{member}</h3>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no card for {member}");
        var end = body.IndexOf("<li class=\"card\">", start + 1, StringComparison.Ordinal);
        return body[start..(end < 0 ? body.Length : end)];
    }

    private static List<string> NotAttended(string card) =>
        [.. System.Text.RegularExpressions.Regex.Matches(card, "<li>([^<]+) <span class=\"note\">").Select(m => m.Groups[1].Value)];

    private static string View(SubmissionWorld world) => Uri.EscapeDataString(world.Host.Services.GetRequiredService<LinkSigner>()
        .Sign(new SignedLink("view", Committee, world.Clock.GetUtcNow().AddDays(60))));

    private readonly RecordingMailTransport mail = new();
    private string viewLink = string.Empty;

    private string DutyPath(string period) => $"/api/status/{Committee}/{period}/duty?link=" + viewLink;

    /// <summary>The units above with the three meetings recorded through the attendance API, on 3 December 2025.</summary>
    private async Task<SubmissionWorld> WorldAsync()
    {
        var world = await SubmissionWorld.CreateAsync(azurite, services => services.AddSingleton<IMailTransport>(mail), Units);
        var digests = new QueueClient(azurite.ConnectionString, StorageNames.DigestsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        await digests.CreateIfNotExistsAsync();
        await digests.ClearMessagesAsync();
        foreach (var (member, name, unit, day) in new[]
        {
            (Cuong, "Lê Văn Cường", "CB1", "2025-09-30"), (Cuong, "Lê Văn Cường", "CB2", "2025-10-02"), (Dung, "Đỗ Thị Dung", "CB3", "2025-12-01"),
        })
        {
            var link = world.Host.Services.GetRequiredService<LinkSigner>().Sign(
                new SignedLink(RecordAttendance.Action, Committee, world.Clock.GetUtcNow().AddDays(30), MemberKey.Of(member)));
            var put = await world.Host.SendAsync(HttpMethod.Put, $"/api/attendance/{Committee}.{unit}/{day[..7]}?link={Uri.EscapeDataString(link)}",
                JsonContent.Create(new { meetingDate = day, recordedBy = name, attendees = new[] { name }, observations = "Dự họp chi bộ." }));
            Assert.True(put.Status == HttpStatusCode.Created, put.ToString());
        }

        viewLink = View(world);
        return world;
    }
}
