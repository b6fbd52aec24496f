using PartyFunctions.Alerts;
using PartyFunctions.Attendance;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Attendance;

/// <summary>The score-gap rule at its margins (docs/domain.md, "Attendance"), the pack's margin, and where its chain starts.</summary>
public sealed class ScoreGapRuleTests
{
    private static readonly MeetingFacts Facts = new(true, false, 20, 2, 17, 0, 95, false);

    [Theory]
    [InlineData(89, 79, false)]
    [InlineData(89, 78, true)]
    [InlineData(90, 89, true)]
    [InlineData(90, 90, false)]
    [InlineData(80, 95, false)]
    public void A_self_score_more_than_10_points_above_or_in_a_higher_band_is_a_gap(decimal self, decimal observed, bool gap)
    {
        var margin = Pack().AttendanceOrDefault.ScoreGapPoints;

        Assert.Equal(10, margin);
        Assert.Equal(gap, ScoreGap.Widest(Self(self), [Observed(observed, "a@example.vn")], margin) is not null);
    }

    [Fact]
    public void Exactly_the_margin_in_the_same_band_is_no_gap_one_point_more_is()
    {
        Assert.Equal(Band.Fair, BandOf(89));
        Assert.Equal(Band.Fair, BandOf(79));
        Assert.False(ScoreGap.Opens(89, BandOf(89), 79, BandOf(79), 10));
        Assert.True(ScoreGap.Opens(89, BandOf(89), 78, BandOf(78), 10));
    }

    [Fact]
    public void A_higher_band_with_a_gap_smaller_than_the_margin_is_a_gap()
    {
        Assert.Equal((Band.Good, Band.Fair), (BandOf(90), BandOf(89)));
        Assert.True(ScoreGap.Opens(90, BandOf(90), 89, BandOf(89), 10));
    }

    [Fact]
    public void A_pack_with_its_own_margin_widens_the_gap_allowed()
    {
        var json = PolicyJson.Serialize(Pack() with { Attendance = new AttendancePolicy(15) });

        var loaded = PolicyPackLoader.Load(json);

        Assert.True(loaded.Pack is not null, string.Join("; ", loaded.Errors.Select(e => $"{e.Path}: {e.Message}")));
        Assert.Equal(15, loaded.Pack.AttendanceOrDefault.ScoreGapPoints);
        Assert.Null(ScoreGap.Widest(Self(89), [Observed(75, "a@example.vn")], 15));
        Assert.NotNull(ScoreGap.Widest(Self(89), [Observed(73, "a@example.vn")], 15));
    }

    [Fact]
    public void Of_several_observers_the_lowest_score_names_the_gap_and_the_detail_says_both_scores_and_who()
    {
        var widest = ScoreGap.Widest(Self(95), [Observed(84, "a@example.vn", "Nguyễn Văn An"), Observed(70.5m, "b@example.vn", "Trần Thị Bình")], 10);

        Assert.Equal("b@example.vn", widest?.Author);
        var detail = ScoreGap.Detail(Self(95), widest!);
        Assert.Contains("Chi bộ tự chấm 95 điểm (Tốt); Trần Thị Bình dự sinh hoạt ngày 12/11/2025 chấm 70,5 điểm (Khá), chênh 24,5 điểm.", detail, StringComparison.Ordinal);
        Assert.Contains("Self-score 95 (Good); Trần Thị Bình, who attended on 2025-11-12, scored 70.5 (Fair), 24.5 points apart.", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_score_gap_alert_goes_to_the_superiors_office_at_once_then_climbs_as_usual()
    {
        var committee = new Unit("P.D.G", "P.D", UnitKind.Grassroots, "Đảng ủy xã", new DateOnly(2020, 1, 1), OfficeEmail: "vp.g@example.vn");
        var district = new Unit("P.D", "P", UnitKind.District, "Huyện ủy", new DateOnly(2020, 1, 1), OfficeEmail: "vp.d@example.vn");
        var cell = new Unit("P.D.G.C1", "P.D.G", UnitKind.Cell, "Chi bộ thôn Một", new DateOnly(2025, 1, 1), AssignedMemberEmail: "am@example.vn");

        var chain = EscalationPolicy.Default.ChainFor(AlertRules.ScoreGap, cell, [committee, district]);
        var usual = EscalationPolicy.Default.ChainFor(AlertRules.WeakMonth, cell, [committee, district]);

        Assert.Equal(
            [(2, 0, false, "vp.g@example.vn"), (3, 14, false, "vp.d@example.vn"), (3, 21, true, "vp.d@example.vn"),
             (3, 28, true, "vp.d@example.vn"), (3, 35, true, "vp.d@example.vn")],
            chain.Select(s => (s.Level, s.AfterDays, s.Repeat, s.Email)));
        Assert.Equal("am@example.vn", usual[0].Email);
    }

    private static PolicyPack Pack() => PolicyCatalog.Embedded.Find("vn-2025")!;

    private static Band BandOf(decimal total) => Pack().Bands.BandOf(total, Pack().TotalPoints);

    private static ScoreRecord Self(decimal total) =>
        new("P.D.G.C1", "P.D.G", new ScorePeriod(2025, 11), "vn-2025", new Dictionary<string, decimal>(), Facts, total, BandOf(total), [],
            new DateTimeOffset(2025, 12, 3, 3, 0, 0, TimeSpan.Zero), false, "R-0000000001", 1);

    private static AttendanceRecord Observed(decimal total, string author, string name = "Trần Thị Bình") =>
        new("P.D.G.C1", new ScorePeriod(2025, 11), new DateOnly(2025, 11, 12), author, name, [name], "…", "",
            new ObservedScore("vn-2025", new Dictionary<string, decimal>(), Facts, total, BandOf(total), []),
            new DateTimeOffset(2025, 12, 3, 3, 0, 0, TimeSpan.Zero), "R-0000000002", 1);
}
