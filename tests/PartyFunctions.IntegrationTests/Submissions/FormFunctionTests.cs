using System.Net;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>The monthly form through the real functions against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FormFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public void The_form_and_its_post_are_anonymous_and_the_post_also_writes_score_events()
    {
        var get = FunctionsMetadata.OfBuiltApp["SubmissionForm"];
        var post = FunctionsMetadata.OfBuiltApp["SubmitForm"];

        Assert.Equal(("form", "Anonymous", "get"), (get.Trigger.Route, get.Trigger.AuthLevel, get.Trigger.Methods!.Single()));
        Assert.Equal(("form", "post"), (post.Trigger.Route, post.Trigger.Methods!.Single()));
        Assert.Contains(post.Bindings, b => b is { Type: "queue", Direction: "Out", QueueName: "score-events", Connection: "AzureWebJobsStorage" });
    }

    [Fact]
    public async Task The_empty_form_is_Vietnamese_small_self_contained_and_labels_every_input()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var vi = await world.Host.SendAsync(HttpMethod.Get, "/api/form");
        var en = await world.Host.SendAsync(HttpMethod.Get, "/api/form?lang=en");

        Assert.Equal(HttpStatusCode.OK, vi.Status);
        Assert.Contains("lang=\"vi\"", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Tỷ lệ đảng viên dự", vi.Body, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2025-11\" selected>", vi.Body, StringComparison.Ordinal);
        Assert.Contains("Monthly meeting self-score", en.Body, StringComparison.Ordinal);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(vi.Body) < 20 * 1024, $"{vi.Body.Length} bytes");
        Assert.DoesNotContain("http://", vi.Body.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", vi.Body, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(vi.Body, "<(?:input|select)[^>]* id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(18, ids.Count);
        Assert.All(ids, id => Assert.Contains($"<label for=\"{id}\">", vi.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_valid_form_is_stored_archived_answered_with_a_receipt_and_announced_once()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var form = world.Form();

        var response = await world.PostFormAsync(form);

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Contains("Đã nhận bản tự chấm điểm", response.Body, StringComparison.Ordinal);
        Assert.Contains(form["receiptId"], response.Body, StringComparison.Ordinal);
        Assert.Contains("95 / 100", response.Body, StringComparison.Ordinal);
        var stored = await world.StoredAsync();
        Assert.Equal((95m, Band.Good, 1, false, form["receiptId"]), (stored!.Total, stored.Band, stored.Version, stored.Late, stored.ReceiptId));
        var e = Assert.Single(await world.EventsAsync());
        Assert.Equal((SubmissionWorld.Cell, SubmissionWorld.Superior, 2025, 11, Band.Good, false, form["receiptId"]),
            (e.UnitId, e.SuperiorId, e.Year, e.Month, e.Band, e.Confirmed, e.ReceiptId));
        Assert.Equal(1, await world.ArchivedAsync());
    }

    [Fact]
    public async Task A_weak_month_shows_the_reasons_and_enqueues_exactly_one_message()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var response = await world.PostFormAsync(world.Form(("facts.membersPresent", "9")));

        Assert.Contains("xếp loại Kém", response.Body, StringComparison.Ordinal);
        Assert.Equal(Band.Weak, Assert.Single(await world.EventsAsync()).Band);
    }

    [Fact]
    public async Task Retrying_the_same_receipt_stores_one_score_and_says_it_was_already_received()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var form = world.Form();

        await world.PostFormAsync(form);
        var retry = await world.PostFormAsync(form);

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Contains("đã được nhận trước đó", retry.Body, StringComparison.Ordinal);
        Assert.Equal(1, (await world.StoredAsync())!.Version);
        Assert.Equal(1, await world.ArchivedAsync());
        // Re-announced with the same receipt, so that a message lost with the first attempt is not lost for good.
        Assert.All(await world.EventsAsync(), e => Assert.Equal(form["receiptId"], e.ReceiptId));
    }

    [Fact]
    public async Task The_same_receipt_with_other_points_is_a_conflict_and_changes_nothing()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var form = world.Form();
        await world.PostFormAsync(form);

        var reused = await world.PostFormAsync(new Dictionary<string, string>(form) { ["criteria.conduct"] = "10" });

        Assert.Equal(HttpStatusCode.Conflict, reused.Status);
        Assert.Equal(95m, (await world.StoredAsync())!.Total);
        Assert.DoesNotContain(form["receiptId"], reused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_amendment_before_the_cutoff_replaces_the_score_and_keeps_both_in_the_archive()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await world.PostFormAsync(world.Form());
        world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 8, 23, 59, 0, TimeSpan.FromHours(7)));

        var amended = await world.PostFormAsync(world.Form(("criteria.conduct", "12")));

        Assert.True(amended.Status == HttpStatusCode.OK, amended.ToString());
        var stored = await world.StoredAsync();
        Assert.Equal((85m, 2, false), (stored!.Total, stored.Version, stored.Late));
        Assert.Equal(2, await world.ArchivedAsync());
        Assert.Equal(2, (await world.EventsAsync()).Count);
    }

    [Fact]
    public async Task After_the_cutoff_an_amendment_is_423_but_a_first_submission_is_accepted_late()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await world.PostFormAsync(world.Form());
        world.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 9, 0, 0, 0, TimeSpan.FromHours(7)));

        var amendment = await world.PostFormAsync(world.Form(("criteria.conduct", "12")));
        var late = await world.PostFormAsync(world.Form(("unitId", SubmissionWorld.OtherCell), ("accessCode", world.Codes[SubmissionWorld.OtherCell])));

        Assert.Equal(HttpStatusCode.Locked, amendment.Status);
        Assert.Contains("chỉ cấp ủy cấp trên", amendment.Body, StringComparison.Ordinal);
        Assert.Equal(95m, (await world.StoredAsync())!.Total);
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.True((await world.StoredAsync(SubmissionWorld.OtherCell))!.Late);
        Assert.Contains("Nộp muộn", late.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_concurrent_amendments_one_wins_the_other_gets_409_and_both_are_archived()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await world.PostFormAsync(world.Form());

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => world.PostFormAsync(world.Form(("criteria.conduct", $"{10 + i}")))));

        var statuses = results.Select(r => r.Status).ToList();
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, s.ToString()));
        var stored = await world.StoredAsync();
        Assert.Equal(1 + statuses.Count(s => s == HttpStatusCode.OK), stored!.Version);
        Assert.Equal(7, await world.ArchivedAsync());
        Assert.Equal(stored.Version, (await world.EventsAsync()).Count);
    }

    [Fact]
    public async Task A_wrong_code_is_401_and_ten_from_one_address_make_it_429_while_the_cell_itself_still_gets_in()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var wrong = await world.PostFormAsync(world.Form(("accessCode", "AAAA-BBBB-CCCC")), clientAddress: "198.51.100.1");
        for (var i = 1; i < PartyFunctions.Access.AuthenticateCell.ClientMaxFailures; i++)
        {
            await world.PostFormAsync(world.Form(("accessCode", "AAAA-BBBB-CCCC")), clientAddress: "198.51.100.1");
        }

        var throttled = await world.PostFormAsync(world.Form(), clientAddress: "198.51.100.1");
        var secretary = await world.PostFormAsync(world.Form(), clientAddress: "203.0.113.9");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        Assert.Contains("Mã truy cập không đúng", wrong.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.Status);
        Assert.Contains("thử lại sau", throttled.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, secretary.Status);
        Assert.Single(await world.EventsAsync());
    }

    [Theory]
    [InlineData("criteria.conduct", "26", "Phải từ 0 đến 25")]
    [InlineData("criteria.conduct", "12,3", "bước 0,5")]
    [InlineData("criteria.conduct", "abc", "Phải là một số")]
    [InlineData("criteria.conduct", null, "Chưa nhập")]
    [InlineData("facts.held", null, "Chưa nhập")]
    [InlineData("facts.held", "maybe", "Chọn Có hoặc Không")]
    [InlineData("facts.membersTotal", "0", "Phải từ 1")]
    [InlineData("facts.membersTotal", "x", "số nguyên")]
    [InlineData("facts.membersExempt", "21", "Phải từ 0 đến 20")]
    [InlineData("facts.membersPresent", "19", "Phải từ 0 đến 18")]
    [InlineData("facts.unexcusedAbsent", "2", "Phải từ 0 đến 1")]
    [InlineData("facts.durationMinutes", "-5", "Phải từ 0")]
    [InlineData("period", "2025-13", "yyyy-MM")]
    [InlineData("period", "2026-01", "tháng chưa tới")]
    [InlineData("period", "2019-12", "Không có bộ tiêu chí")]
    [InlineData("unitId", "bn cb1", "Mã chi bộ")]
    [InlineData("unitId", null, "Chưa nhập")]
    [InlineData("accessCode", null, "Chưa nhập")]
    public async Task Each_invalid_field_is_400_with_its_message_beside_it_and_the_values_kept(string field, string? value, string message)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var response = await world.PostFormAsync(world.Form((field, value)));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.Matches($"id=\"{System.Text.RegularExpressions.Regex.Escape(field)}-err\">[^<]*{System.Text.RegularExpressions.Regex.Escape(message)}", response.Body);
        Assert.Contains("value=\"15\"", response.Body, StringComparison.Ordinal);
        Assert.Null(await world.StoredAsync());
        Assert.Empty(await world.EventsAsync());
    }

    [Fact]
    public async Task Errors_come_back_in_English_when_the_form_was_English()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var response = await world.PostFormAsync(world.Form(("criteria.conduct", "26"), ("lang", "en")));

        Assert.Contains("Must be from 0 to 25", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unitId")]
    [InlineData("criteria.conduct")]
    [InlineData("facts.membersTotal")]
    [InlineData("period")]
    [InlineData("receiptId")]
    [InlineData("criteria.<b>x</b>")]
    public async Task Script_in_any_field_comes_back_encoded(string field)
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        const string payload = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";

        var response = await world.PostFormAsync(world.Form((field, payload)));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.DoesNotContain("<script>alert", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x", response.Body, StringComparison.Ordinal);
    }
}
