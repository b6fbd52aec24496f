using System.Net;
using PartyFunctions.Alerts;
using PartyFunctions.Attendance;
using PartyFunctions.Classification;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// The superior's confirmation adopting the score a member observed at the meeting: the cell self-scored November 95
/// (Tốt), the member recorded 84 (Khá), and the member's confirm sheet offers the observed score with a reason.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AdoptObservedTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Adopting_the_observed_score_with_a_reason_makes_it_the_confirmed_score_the_roll_up_reads_and_resolves_score_gap()
    {
        await using var world = await GapAsync();
        var sheet = await world.Host.SendAsync(HttpMethod.Get, world.ConfirmPath());
        Assert.Contains($"name=\"adoptObserved\" value=\"{MemberKey.Of(AttendanceWorld.Member)}\"", sheet.Body, StringComparison.Ordinal);
        Assert.Contains("Lấy điểm dự sinh hoạt: 84 / 100, Khá – Trần Thị Bình, ngày 12/11/2025", sheet.Body, StringComparison.Ordinal);

        var adopted = await PostAsync(world, Adopt(world, reason: "Biên bản cho thấy thảo luận chưa sâu"));

        Assert.True(adopted.Status == HttpStatusCode.OK, adopted.ToString());
        Assert.Contains("Đã lấy điểm dự sinh hoạt làm điểm xác nhận: 84 điểm, xếp loại Khá.", adopted.Body, StringComparison.Ordinal);
        var stored = (await world.Submissions.StoredAsync())!;
        Assert.Equal((95m, Band.Good), (stored.Total, stored.Band));
        Assert.Equal((84m, Band.Fair, Band.Fair), (stored.Confirmation!.Total, stored.Confirmation.Band, stored.EffectiveBand));
        Assert.Equal("Biên bản cho thấy thảo luận chưa sâu", stored.Confirmation.Reason);
        Assert.StartsWith("Trần Thị Bình", stored.Confirmation.ConfirmedBy, StringComparison.Ordinal);
        Assert.Equal(new AdoptedObservation("Trần Thị Bình", new DateOnly(2025, 11, 12), "vn-2025"), stored.Confirmation.Adopted);
        // What the annual run reads of the month, and what the roll-up counts: the adopted band, not the self-score.
        var month = Assert.Single(await world.Submissions.Scores.GetYearBandsAsync(AttendanceWorld.Superior, 2025, default),
            m => m.UnitId == AttendanceWorld.Cell && m.Month == 11);
        Assert.Equal((Band.Fair, 84m), (month.ConfirmedBand, month.EffectiveTotal));
        Assert.Equal(Band.Fair, new MonthReport(month.Band, month.ConfirmedBand, month.EffectiveTotal).Effective);
        var page = await world.Host.SendAsync(HttpMethod.Get, world.ConfirmPath());
        Assert.Contains("<dt>Lấy theo điểm dự sinh hoạt</dt><dd id=\"adopted\">của Trần Thị Bình, ngày 12/11/2025</dd>", page.Body, StringComparison.Ordinal);

        await world.Host.DrainQueueAsync(StorageNames.ScoreEventsQueue);
        Assert.Empty(world.Host.QueueFailures);
        var gap = await world.ScoreGapAsync();
        Assert.Equal(AlertState.Resolved, gap?.State);
        Assert.Contains(gap!.History, h => h.Event == AlertTransition.Resolved && h.Detail == "observed score adopted");
    }

    [Fact]
    public async Task Adopting_the_observed_score_without_a_reason_is_refused_with_the_reason_fields_message_and_changes_nothing()
    {
        await using var world = await GapAsync();
        var before = (await world.Submissions.StoredAsync())!;

        var refused = await PostAsync(world, Adopt(world, reason: " "));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("<p class=\"err\" id=\"reason-err\">Khi lấy điểm dự sinh hoạt làm điểm xác nhận phải ghi lý do.</p>", refused.Body, StringComparison.Ordinal);
        Assert.Contains("href=\"#reason\"", refused.Body, StringComparison.Ordinal);
        // The choice is kept so the member only adds the reason.
        Assert.Contains($"value=\"{MemberKey.Of(AttendanceWorld.Member)}\" checked", refused.Body, StringComparison.Ordinal);
        var after = (await world.Submissions.StoredAsync())!;
        Assert.Equal((before.Version, before.ReceiptId), (after.Version, after.ReceiptId));
        Assert.Null(after.Confirmation);
        Assert.Equal(0, (await world.Submissions.Events.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(AlertState.Open, (await world.ScoreGapAsync())?.State);
    }

    [Fact]
    public async Task Adopting_an_observation_the_month_does_not_have_is_refused_and_changes_nothing()
    {
        await using var world = await GapAsync();

        var refused = await PostAsync(world, Adopt(world, reason: "Lý do", observer: MemberKey.Of("khac@dongcao.dang.vn")));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Không có điểm dự sinh hoạt này trong tháng", refused.Body, StringComparison.Ordinal);
        Assert.Null((await world.Submissions.StoredAsync())!.Confirmation);
    }

    [Fact]
    public async Task The_same_adoption_sent_twice_at_once_is_stored_once()
    {
        await using var world = await GapAsync();
        var form = Adopt(world, reason: "Điểm dự sát thực tế hơn");
        await using var other = world.Host.StartAnotherInstance();

        var answers = await Task.WhenAll(
            PostAsync(world, form),
            other.SendAsync(HttpMethod.Post, Path, new FormUrlEncodedContent(form)));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.OK, a.ToString()));
        var stored = (await world.Submissions.StoredAsync())!;
        Assert.Equal((2, form["receiptId"], 84m), (stored.Version, stored.ReceiptId, stored.Confirmation!.Total));
    }

    private const string Path = $"/api/confirm/{AttendanceWorld.Cell}/2025-11";

    /// <summary>November self-scored 95 and observed 84 by the member: score-gap is open.</summary>
    private async Task<AttendanceWorld> GapAsync()
    {
        var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 84))).Status);
        Assert.Equal(AlertState.Open, (await world.ScoreGapAsync())?.State);
        return world;
    }

    /// <summary>The confirm sheet's form choosing the member's observation (its points left as the sheet showed them).</summary>
    private static Dictionary<string, string> Adopt(AttendanceWorld world, string reason, string? observer = null) => new()
    {
        ["link"] = world.LinkFor(AttendanceWorld.Member, ConfirmScore.Action), ["version"] = "1", ["receiptId"] = ReceiptId.New(),
        ["confirmerName"] = "Trần Thị Bình", ["reason"] = reason, ["adoptObserved"] = observer ?? MemberKey.Of(AttendanceWorld.Member),
        ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = "22",
        ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
    };

    private static Task<HttpResponseSnapshot> PostAsync(AttendanceWorld world, Dictionary<string, string> form) =>
        world.Host.SendAsync(HttpMethod.Post, Path, new FormUrlEncodedContent(form));
}
