using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>The attendance form through the app's own functions, over Azurite: the member's record, its errors and its amendments.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AttendanceFormTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_form_opens_in_Vietnamese_with_the_units_name_and_in_English_with_lang_en()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);

        var vi = await world.GetFormAsync();
        var en = await world.GetFormAsync("&lang=en");

        Assert.Equal(HttpStatusCode.OK, vi.Status);
        Assert.Contains("<html lang=\"vi\">", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Biên bản dự sinh hoạt chi bộ", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Chi bộ thôn Đông", vi.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"criteria.conduct\"", vi.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", vi.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, en.Status);
        Assert.Contains("Record of attending a cell meeting", en.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_records_attendance_with_a_score_and_it_is_archived_first_and_stored_as_version_1()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);

        var response = await world.PostFormAsync(world.Form(score: 85, ("criteria.conduct", "10,0")));

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Contains("Đã lưu biên bản (lần 1).", response.Body, StringComparison.Ordinal);
        var record = Assert.Single(await world.NovemberAsync());
        Assert.Equal(PartyFunctions.Attendance.MemberKey.Of(AttendanceWorld.Member), record.Author);
        Assert.Equal(new DateOnly(2025, 11, 12), record.MeetingDate);
        Assert.Equal(["Trần Thị Bình", "Nguyễn Văn An"], record.Attendees);
        Assert.Equal(85, record.Score?.Total);
        Assert.Equal(Band.Fair, record.Score?.Band);
        var archive = await world.Host.Services.GetRequiredService<PartyFunctions.Infrastructure.Submissions.ScoreTables>().ArchiveAsync();
        var blob = Assert.Single(await archive.GetBlobsAsync().ToListAsync());
        Assert.Equal($"attendances/{AttendanceWorld.Cell}/2025-11/{record.ReceiptId}.json", blob.Name);
    }

    [Fact]
    public async Task Bad_input_is_400_with_each_error_beside_its_field_and_stores_nothing()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);

        var response = await world.PostFormAsync(world.Form(score: 85,
            ("criteria.conduct", "26"), ("meetingDate", "2025-10-30"), ("attendees", " \n "), ("observations", "")));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("<title>Có lỗi", response.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"criteria.conduct-err\">Phải từ 0 đến 25.", response.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"meetingDate-err\">Ngày sinh hoạt phải thuộc tháng đã chọn.", response.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"attendees-err\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"observations-err\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình", response.Body, StringComparison.Ordinal);
        Assert.Empty(await world.NovemberAsync());
        Assert.Equal(0, await world.Submissions.ArchivedAsync());
    }

    [Fact]
    public async Task An_amendment_names_its_version_and_one_from_a_stale_page_is_409_with_a_clear_message()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        Assert.Equal(HttpStatusCode.OK, (await world.PostFormAsync(world.Form())).Status);

        var again = await world.PostFormAsync(world.Form(changes: ("observations", "Lần hai")));
        var amended = await world.PostFormAsync(world.Form(changes: [("version", "1"), ("observations", "Đã sửa")]));
        var stale = await world.PostFormAsync(world.Form(changes: [("version", "1"), ("observations", "Bản cũ")]));

        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("Đồng chí đã ghi biên bản tháng này rồi", again.Body, StringComparison.Ordinal);
        Assert.True(amended.Status == HttpStatusCode.OK, amended.ToString());
        Assert.Contains("Đã lưu biên bản (lần 2).", amended.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"version\" value=\"2\"", amended.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Biên bản này đã được sửa từ khi đồng chí mở trang", stale.Body, StringComparison.Ordinal);
        var stored = Assert.Single(await world.NovemberAsync());
        Assert.Equal(2, stored.Version);
        Assert.Equal("Đã sửa", stored.Observations);
    }

    [Fact]
    public async Task The_form_opened_again_shows_the_members_stored_record_to_amend()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        Assert.Equal(HttpStatusCode.OK, (await world.PostFormAsync(world.Form(score: 85))).Status);

        var page = await world.GetFormAsync("&period=2025-11");

        Assert.Contains("name=\"version\" value=\"1\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("Chuẩn bị chu đáo; thảo luận sôi nổi.</textarea>", page.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"observed\">85 / 100, Khá", page.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_of_another_action_or_outside_the_unit_gets_the_error_page_and_stores_nothing()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        var confirmLink = world.LinkFor(AttendanceWorld.Member, action: ConfirmScore.Action);
        var otherScope = world.LinkFor(AttendanceWorld.Member, scope: "BN.PHUONG1");

        var wrongAction = await world.PostFormAsync(world.Form(changes: ("link", confirmLink)));
        var outside = await world.PostFormAsync(world.Form(changes: ("link", otherScope)));

        Assert.Equal(HttpStatusCode.Forbidden, wrongAction.Status);
        Assert.Equal(HttpStatusCode.Forbidden, outside.Status);
        Assert.Contains("Liên kết này không cho phép xem đơn vị đó", outside.Body, StringComparison.Ordinal);
        Assert.Empty(await world.NovemberAsync());
    }
}
