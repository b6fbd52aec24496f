using Microsoft.Extensions.Time.Testing;
using Moq;
using PartyFunctions.Access;
using PartyFunctions.Deadlines;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Submissions;
using PartyFunctions.UnitTests.Fakes;

namespace PartyFunctions.UnitTests.Deadlines;

/// <summary>Deadline reminders (docs/domain.md): the use case over in-memory ports, no storage.</summary>
public sealed class SendRemindersTests
{
    private static readonly Unit Committee = new("G", null, UnitKind.Grassroots, "Đảng ủy xã", new DateOnly(2020, 1, 1), Path: "G");

    private readonly InMemoryOutbox outbox = new();
    private readonly RecordingDigestScheduler scheduler = new();
    private readonly InMemoryRunMarkers markers = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 12, 2, 8, 0, 0, VietnamDate.Offset));

    [Fact]
    public async Task Each_secretary_gets_one_digest_listing_every_cell_of_theirs_without_a_score()
    {
        var reminders = Reminders(
            [Cell("G.C1", "bt@example.vn"), Cell("G.C2", "BT@example.vn "), Cell("G.C3", "other@example.vn"), Cell("G.C4", "done@example.vn")],
            scored: ["G.C4"]);

        var outcome = await reminders.RunAsync(default);

        Assert.Equal(2, outcome.Digests);
        var shared = Assert.Single(outbox.Digests, d => d.Recipient.Email == "bt@example.vn");
        Assert.Equal(["G.C1", "G.C2"], shared.Items.Select(i => i.UnitId));
        Assert.All(shared.Items, i => Assert.Equal("https://party.example.vn/api/form?unit=" + i.UnitId, i.ActionUrl));
        Assert.Equal(2, scheduler.Scheduled.Count);
        Assert.Equal(DigestId.For("reminders-2025-11-d-3", "bt@example.vn"), shared.Id);
    }

    [Fact]
    public async Task A_second_run_of_the_same_occasion_posts_nothing()
    {
        var reminders = Reminders([Cell("G.C1", "bt@example.vn")], scored: []);

        await reminders.RunAsync(default);
        var again = await reminders.RunAsync(default);

        Assert.True(again.Skipped);
        Assert.Single(scheduler.Scheduled);
    }

    [Fact]
    public async Task A_day_that_is_no_reminder_day_posts_nothing_and_marks_nothing()
    {
        clock.SetUtcNow(new DateTimeOffset(2025, 12, 7, 8, 0, 0, VietnamDate.Offset));

        await Reminders([Cell("G.C1", "bt@example.vn")], scored: []).RunAsync(default);

        Assert.Empty(outbox.Digests);
        Assert.Empty(markers.Markers);
    }

    private SendReminders Reminders(IReadOnlyList<Unit> cells, IReadOnlyList<string> scored)
    {
        var units = new Mock<IUnitStore>();
        units.Setup(u => u.GetAllAsync(It.IsAny<CancellationToken>())).ReturnsAsync([Committee, .. cells]);
        var scores = new Mock<IScoreStore>();
        scores.Setup(s => s.GetMonthAsync("G", new ScorePeriod(2025, 11), It.IsAny<CancellationToken>()))
            .ReturnsAsync([.. scored.Select(id => Score(id))]);
        return new SendReminders(new MonthRoster(units.Object, scores.Object), new DigestPoster(outbox, scheduler), markers,
            new AppBaseUrl("https://party.example.vn"), clock);
    }

    private static Unit Cell(string id, string secretary) =>
        new(id, "G", UnitKind.Cell, "Chi bộ " + id, new DateOnly(2025, 1, 1), SecretaryEmail: secretary, Path: $"G!{id}");

    private static ScoreRecord Score(string unitId) =>
        new(unitId, "G", new ScorePeriod(2025, 11), "vn-2025", new Dictionary<string, decimal>(),
            new PartyFunctions.Scoring.MeetingFacts(true, false, 20, 0, 19, 0, 95, false), 95, PartyFunctions.Scoring.Band.Good, [], DateTimeOffset.UnixEpoch, false, "R-" + unitId, 1);
}
