using PartyFunctions.Classification;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.UnitTests.Classification;

public sealed class LevelProposalTests
{
    private static readonly ClassificationPolicy Policy = PolicyCatalog.Embedded.Find("vn-2025")!.Classification;

    private static YearSummary Year(Band? band) => new(12, 0, 0, 0, 0, band, 0, 0);

    public sealed record LevelCase(string Name, Band? Year, AnnualFacts? Facts, Level? Level, string Reasons)
    {
        public override string ToString() => Name;
    }

    private static AnnualFacts Members(int excellent, int good, int complete, int failed) =>
        new(Members: new MembersRated(excellent, good, complete, failed));

    public static TheoryData<LevelCase> Cases() =>
    [
        new("insufficient data: no proposal", null, null, null, "insufficient-data"),
        new("Tot year, no facts: HTXSNV", Band.Good, null, Level.Excellent, "year-tot"),
        new("Kha year: HTTNV", Band.Fair, null, Level.Good, "year-kha"),
        new("TrungBinh year: HTNV", Band.Average, null, Level.Complete, "year-trung-binh"),
        new("Kem year: KHTNV", Band.Weak, null, Level.Failed, "year-kem"),
        new("Tot year but disciplined: HTNV", Band.Good, new AnnualFacts(Disciplined: true), Level.Complete, "year-tot,disciplined"),
        new("Kha year but disciplined: HTNV", Band.Fair, new AnnualFacts(Disciplined: true), Level.Complete, "year-kha,disciplined"),
        new("Tot year, open remediation: HTTNV", Band.Good, new AnnualFacts(OpenRemediation: true), Level.Good, "year-tot,open-remediation"),
        new("Tot year, 80% members HTTNV or better: HTXSNV", Band.Good, Members(2, 6, 2, 0), Level.Excellent, "year-tot"),
        new("Tot year, 79% members HTTNV or better: HTTNV", Band.Good, Members(0, 15, 4, 0), Level.Good, "year-tot,members-share-low"),
        new("Tot year, one member KHTNV: HTTNV", Band.Good, Members(5, 4, 0, 1), Level.Good, "year-tot,members-khtnv"),
        new("exactly half the members KHTNV is not KHTNV", Band.Fair, Members(0, 5, 0, 5), Level.Good, "year-kha"),
        new("more than half the members KHTNV: KHTNV", Band.Good, Members(0, 4, 0, 5), Level.Failed, "members-khtnv-share"),
        new("targets met 0.5 is not KHTNV", Band.Good, new AnnualFacts(TargetsMetRate: 0.5m), Level.Excellent, "year-tot"),
        new("targets met 0.49 is KHTNV", Band.Good, new AnnualFacts(TargetsMetRate: 0.49m), Level.Failed, "targets-missed"),
        new("Kem year with missed targets gives both reasons", Band.Weak, new AnnualFacts(TargetsMetRate: 0.1m), Level.Failed, "year-kem,targets-missed"),
        new("members not rated do not count against HTXSNV", Band.Good, Members(0, 0, 0, 0), Level.Excellent, "year-tot"),
        new("insufficient data ignores the facts", null, new AnnualFacts(TargetsMetRate: 0m), null, "insufficient-data"),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_level_is_proposed_as_the_domain_doc_says(LevelCase c)
    {
        var (level, reasons) = LevelProposal.Propose(Policy, Year(c.Year), c.Facts);

        Assert.Equal(c.Level, level);
        Assert.Equal(c.Reasons, string.Join(",", LevelReasonTexts.Explain(reasons).Select(r => r.Code)));
    }

    [Fact]
    public void Every_reason_has_Vietnamese_and_English_text()
    {
        var all = LevelReasonTexts.Explain((LevelReasons)ushort.MaxValue);

        Assert.Equal(Enum.GetValues<LevelReasons>().Length - 1, all.Count);
        Assert.All(all, r => Assert.False(string.IsNullOrWhiteSpace(r.Vi) || string.IsNullOrWhiteSpace(r.En)));
        Assert.Equal(all.Count, all.Select(r => r.Code).Distinct().Count());
    }
}
