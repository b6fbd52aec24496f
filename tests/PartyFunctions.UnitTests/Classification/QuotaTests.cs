using PartyFunctions.Classification;
using PartyFunctions.Policy;
using static PartyFunctions.UnitTests.Classification.Years;

namespace PartyFunctions.UnitTests.Classification;

public sealed class QuotaTests
{
    private static readonly PolicyPack Pack = PolicyCatalog.Embedded.Find("vn-2025")!;

    private static CellClassification[] Classify(params CellYear[] cells) => Classifier.ClassifyAll(Pack, cells, new YearWindow(2025));

    private static CellYear Excellent(string unit, int tot = 12, string superior = "s1", decimal? total = null) =>
        Cell(new string('T', tot) + new string('K', 12 - tot), unit: unit, superior: superior,
            totals: total is { } t ? Enumerable.Repeat(t, 12).ToArray() : null);

    private static CellYear Good(string unit, string superior = "s1") => Cell("KKKKKKKKKKKK", unit: unit, superior: superior);

    private static string Proposals(CellClassification[] results) =>
        string.Join(" ", results.OrderBy(r => r.UnitId, StringComparer.Ordinal).Select(r => $"{r.UnitId}:{r.Proposed.Code()}{(r.DemotedByQuota ? "*" : "")}"));

    [Fact]
    public void Four_eligible_units_allow_no_HTXSNV()
    {
        // k = floor(20% of 4) = 0.
        var results = Classify(Excellent("a"), Good("b"), Good("c"), Good("d"));

        Assert.Equal("a:HTTNV* b:HTTNV c:HTTNV d:HTTNV", Proposals(results));
    }

    [Fact]
    public void Five_eligible_units_allow_one_HTXSNV_and_the_others_are_flagged()
    {
        var results = Classify(Excellent("a", tot: 8), Excellent("b", tot: 10), Excellent("c", tot: 9), Good("d"), Good("e"));

        Assert.Equal("a:HTTNV* b:HTXSNV c:HTTNV* d:HTTNV e:HTTNV", Proposals(results));
    }

    [Fact]
    public void Ties_on_Tot_months_go_to_the_higher_average_total()
    {
        var results = Classify(Excellent("a", total: 95), Excellent("b", total: 97.5m), Good("c"), Good("d"), Good("e"));

        Assert.Equal("a:HTTNV* b:HTXSNV c:HTTNV d:HTTNV e:HTTNV", Proposals(results));
    }

    [Fact]
    public void A_known_average_ranks_before_an_unknown_one()
    {
        var results = Classify(Excellent("a"), Excellent("b", total: 90), Good("c"), Good("d"), Good("e"));

        Assert.Equal("a:HTTNV* b:HTXSNV c:HTTNV d:HTTNV e:HTTNV", Proposals(results));
    }

    [Fact]
    public void Full_ties_go_to_the_unit_id_in_ordinal_order()
    {
        // Ordinal: "B" (0x42) sorts before "a" (0x61).
        var results = Classify(Excellent("a", total: 95), Excellent("B", total: 95), Good("c"), Good("d"), Good("e"));

        Assert.Equal("B:HTXSNV a:HTTNV* c:HTTNV d:HTTNV e:HTTNV", Proposals(results));
    }

    [Fact]
    public void The_quota_counts_each_superior_apart()
    {
        var results = Classify(
            Excellent("a1", superior: "s1"), Good("a2", "s1"), Good("a3", "s1"), Good("a4", "s1"), Good("a5", "s1"),
            Excellent("b1", superior: "s2"), Excellent("b2", superior: "s2"), Good("b3", "s2"));

        Assert.Equal("a1:HTXSNV a2:HTTNV a3:HTTNV a4:HTTNV a5:HTTNV b1:HTTNV* b2:HTTNV* b3:HTTNV", Proposals(results));
    }

    [Fact]
    public void Ten_eligible_units_keep_two_HTXSNV_and_HTNV_units_do_not_count()
    {
        var cells = Enumerable.Range(0, 4).Select(i => Excellent($"x{i}", tot: 12 - i))
            .Concat(Enumerable.Range(0, 6).Select(i => Good($"y{i}")))
            .Append(Cell("BBBBBBBBBBBB", unit: "z"));

        var results = Classify([.. cells]);

        Assert.Equal("x0:HTXSNV x1:HTXSNV x2:HTTNV* x3:HTTNV* y0:HTTNV y1:HTTNV y2:HTTNV y3:HTTNV y4:HTTNV y5:HTTNV z:HTNV", Proposals(results));
        Assert.All(results.Where(r => r.DemotedByQuota), r => Assert.Contains(LevelReasonTexts.Explain(r.Reasons), x => x.Code == "quota"));
    }
}
