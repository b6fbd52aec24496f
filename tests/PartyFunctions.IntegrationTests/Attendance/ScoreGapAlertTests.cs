using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Notifications;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// score-gap end to end: a self-score and an observed score of one month, whichever comes first, through the app's
/// functions, the score-events queue and the daily escalation run, to the superior's office.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScoreGapAlertTests(AzuriteFixture azurite)
{
    private const string Office = "vp@dongcao.dang.vn";

    [Fact]
    public async Task An_observed_score_11_points_and_a_band_below_the_self_score_opens_score_gap_at_the_superiors_office_naming_both()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);

        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 84))).Status);
        await world.Host.RunTimerAsync("Escalation", new Microsoft.Azure.Functions.Worker.TimerInfo());

        var alert = await world.ScoreGapAsync();
        Assert.NotNull(alert);
        Assert.Equal(AttendanceWorld.Superior, alert.Chain[0].RecipientUnitId);
        Assert.Equal((2, 0, Office), (alert.Chain[0].Level, alert.Chain[0].AfterDays, alert.Chain[0].Email));
        Assert.Contains("Chi bộ tự chấm 95 điểm (Tốt)", alert.Detail, StringComparison.Ordinal);
        Assert.Contains("Trần Thị Bình dự sinh hoạt ngày 12/11/2025 chấm 84 điểm (Khá), chênh 11 điểm", alert.Detail, StringComparison.Ordinal);
        var outbox = world.Host.Services.GetRequiredService<IOutbox>();
        var digest = (await outbox.GetAsync(DigestId.For("escalation-2025-12-03", Office), default))?.Digest;
        Assert.NotNull(digest);
        var line = Assert.Single(digest.Items, i => i.Rule == AlertRules.ScoreGap);
        Assert.Equal(NotificationKind.ScoreGap, line.Kind);
        Assert.Null(await outbox.GetAsync(DigestId.For("escalation-2025-12-03", AttendanceWorld.Member), default));
    }

    [Fact]
    public async Task The_confirmation_sheet_shows_the_observed_score_beside_the_self_score_with_the_difference()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 84))).Status);

        var sheet = await world.Host.SendAsync(HttpMethod.Get, world.ConfirmPath());

        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        Assert.Contains("id=\"self\">95 / 100, Tốt", sheet.Body, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"observed\">84 / 100, Khá – Trần Thị Bình, ngày 12/11/2025; tự chấm cao hơn 11 điểm</dd>", sheet.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_self_score_sent_after_the_observation_opens_score_gap_through_its_score_event()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 80))).Status);
        Assert.Null(await world.ScoreGapAsync());

        await world.SelfScoreAsync(95);

        Assert.Equal(AlertState.Open, (await world.ScoreGapAsync())?.State);
    }

    [Fact]
    public async Task An_observation_amended_to_agree_with_the_self_score_resolves_score_gap()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);
        var first = await world.PutJsonAsync(AttendanceWorld.Json(score: 80));
        Assert.Equal(AlertState.Open, (await world.ScoreGapAsync())?.State);

        Assert.Equal(HttpStatusCode.OK, (await world.PutJsonAsync(AttendanceWorld.Json(score: 95), ifMatch: first.Headers.ETag)).Status);

        Assert.Equal(AlertState.Resolved, (await world.ScoreGapAsync())?.State);
    }

    [Fact]
    public async Task An_observed_score_close_to_the_self_score_in_the_same_band_opens_nothing()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        await world.SelfScoreAsync(95);

        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 90))).Status);

        Assert.Null(await world.ScoreGapAsync());
    }
}
