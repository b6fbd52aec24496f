using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>The score store against Azurite: point reads, insert-if-absent, replace-if-unchanged, a superior's month and year.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableScoreStoreTests(AzuriteFixture azurite)
{
    private static readonly ScorePeriod November = new(2025, 11);

    [Fact]
    public async Task A_score_reads_back_as_written_with_an_etag()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var store = host.Services.GetRequiredService<IScoreStore>();
        var score = Score("GC1", "GC1.CB1", November) with { Criteria = new Dictionary<string, decimal> { ["conduct"] = 24.5m } };

        var added = await store.TryAddAsync(score, default);
        var read = await store.GetAsync("GC1", "GC1.CB1", November, default);

        Assert.True(added.Written);
        Assert.NotNull(read);
        Assert.Equal(added.Current!.ETag, read.ETag);
        Assert.Equal(score with { Criteria = read.Record.Criteria, ReasonCodes = read.Record.ReasonCodes }, read.Record);
        Assert.Equal(24.5m, read.Record.Criteria["conduct"]);
        Assert.Equal(["attendance-cap", "duration-cap"], read.Record.ReasonCodes);
        Assert.Null(await store.GetAsync("GC1", "GC1.CB1", November.Previous, default));
        Assert.Null(await store.GetAsync("GC2", "GC1.CB1", November, default));
    }

    [Fact]
    public async Task A_second_first_submission_of_a_month_does_not_overwrite_the_first()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var store = host.Services.GetRequiredService<IScoreStore>();
        var first = Score("GC1", "GC1.CB1", November);

        await store.TryAddAsync(first, default);
        var second = await store.TryAddAsync(first with { ReceiptId = "OTHER", Band = Band.Good }, default);

        Assert.False(second.Written);
        Assert.Equal(first.ReceiptId, second.Current!.Record.ReceiptId);
        Assert.Equal(Band.Weak, (await store.GetAsync("GC1", "GC1.CB1", November, default))!.Record.Band);
    }

    [Fact]
    public async Task A_replace_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var store = host.Services.GetRequiredService<IScoreStore>();
        var v1 = (await store.TryAddAsync(Score("GC1", "GC1.CB1", November), default)).Current!;

        var v2 = await store.TryReplaceAsync(v1.Record with { Version = 2, ReceiptId = "R2", Band = Band.Fair }, v1.ETag, default);
        var stale = await store.TryReplaceAsync(v1.Record with { Version = 2, ReceiptId = "R3", Band = Band.Good }, v1.ETag, default);

        Assert.True(v2.Written);
        Assert.False(stale.Written);
        Assert.Equal("R2", stale.Current!.Record.ReceiptId);
        Assert.Equal(Band.Fair, (await store.GetAsync("GC1", "GC1.CB1", November, default))!.Record.Band);
    }

    [Fact]
    public async Task A_confirmation_is_stored_and_its_band_prevails()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var store = host.Services.GetRequiredService<IScoreStore>();
        var v1 = (await store.TryAddAsync(Score("GC1", "GC1.CB1", November), default)).Current!;
        var confirmation = new ScoreConfirmation(
            new Dictionary<string, decimal> { ["conduct"] = 20 }, 72, Band.Fair, [], "Biên bản đầy đủ <ok>", "Nguyễn Văn A (GC1)",
            new DateTimeOffset(2025, 12, 10, 3, 0, 0, TimeSpan.Zero));

        await store.TryReplaceAsync(v1.Record with { Version = 2, Confirmation = confirmation }, v1.ETag, default);
        var read = (await store.GetAsync("GC1", "GC1.CB1", November, default))!.Record;

        Assert.Equal(confirmation with { Criteria = read.Confirmation!.Criteria, ReasonCodes = read.Confirmation.ReasonCodes }, read.Confirmation);
        Assert.Equal(20m, read.Confirmation.Criteria["conduct"]);
        Assert.Equal(Band.Fair, read.EffectiveBand);
        Assert.Equal(Band.Weak, read.Band);
        var band = Assert.Single(await store.GetYearBandsAsync("GC1", 2025, default));
        Assert.Equal(new MonthBand("GC1.CB1", 11, Band.Weak, Band.Fair, 72m) { SelfTotal = 42.5m }, band);
    }

    [Fact]
    public async Task A_superiors_month_and_year_are_its_own_cells_only_across_pages_of_1000()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var store = host.Services.GetRequiredService<IScoreStore>();
        // 1,100 cells in November put one partition over a page; December and another superior must stay out.
        var cells = Enumerable.Range(0, 1100).Select(i => $"GC1.CB{i:0000}").ToList();
        await Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (cell, ct) => await store.TryAddAsync(Score("GC1", cell, November), ct));
        await store.TryAddAsync(Score("GC1", "GC1.CB0001", new ScorePeriod(2025, 12)), default);
        await store.TryAddAsync(Score("GC1", "GC1.CB0001", new ScorePeriod(2024, 11)), default);
        await store.TryAddAsync(Score("GC2", "GC2.CB0001", November), default);

        var month = await store.GetMonthAsync("GC1", November, default);
        var year = await store.GetYearAsync("GC1", 2025, default);

        Assert.Equal(cells, month.Select(s => s.UnitId).Order(StringComparer.Ordinal));
        Assert.Equal(1101, year.Count);
        Assert.All(year, s => Assert.Equal(("GC1", 2025), (s.SuperiorId, s.Period.Year)));
        var bands = await store.GetYearBandsAsync("GC1", 2025, default);
        Assert.Equal(year.Select(s => (s.UnitId, s.Period.Month, s.Band, s.EffectiveTotal)),
            bands.Select(b => (b.UnitId, b.Month, b.Band, b.EffectiveTotal)));
    }

    internal static ScoreRecord Score(string superiorId, string unitId, ScorePeriod period) => new(
        unitId, superiorId, period, "vn-2025",
        new Dictionary<string, decimal> { ["preparation"] = 10, ["attendance"] = 7.5m },
        new MeetingFacts(true, false, 20, 2, 10, 1, 80, false),
        42.5m, Band.Weak, ["attendance-cap", "duration-cap"],
        new DateTimeOffset(2025, 12, 3, 2, 0, 0, TimeSpan.Zero), false, "RCPT1", 1);
}
