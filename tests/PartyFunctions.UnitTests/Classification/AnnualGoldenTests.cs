using PartyFunctions.Classification;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using static PartyFunctions.UnitTests.Classification.Years;

namespace PartyFunctions.UnitTests.Classification;

/// <summary>docs/domain.md's annual roll-up, one row per case (vn-2025; year 2025, through December unless stated).</summary>
public sealed class AnnualGoldenTests
{
    public sealed record YearCase(string Name, CellYear Cell, int Through, int R, int T, int G, int W, Band? Band)
    {
        public override string ToString() => Name;
    }

    private static DateOnly D(int month, int day) => new(2025, month, day);

    public static TheoryData<YearCase> Cases() =>
    [
        new("twelve Tot months", Cell("TTTTTTTTTTTT"), 12, 12, 12, 12, 0, Band.Good),
        new("7 Tot of 12, rest Kha, is Tot", Cell("TTTTTTTKKKKK"), 12, 12, 7, 12, 0, Band.Good),
        new("6 Tot of 12, rest Kha, is Kha", Cell("TTTTTTKKKKKK"), 12, 12, 6, 12, 0, Band.Fair),
        new("7 Tot with one TrungBinh is Kha", Cell("TTTTTTTTKKKB"), 12, 12, 8, 11, 0, Band.Fair),
        new("9 Kha-or-better of 12, no Kem, is Kha", Cell("KKKKKKKKKBBB"), 12, 12, 0, 9, 0, Band.Fair),
        new("8 Kha-or-better of 12 is TrungBinh", Cell("KKKKKKKKBBBB"), 12, 12, 0, 8, 0, Band.Average),
        new("one Kem month bars Kha", Cell("TTTTTTTTTTTW"), 12, 12, 11, 11, 1, Band.Average),
        new("two Kem months is TrungBinh", Cell("TTTTTTTTTTWW"), 12, 12, 10, 10, 2, Band.Average),
        new("three Kem months is Kem", Cell("TTTTTTTTTWWW"), 12, 12, 9, 9, 3, Band.Weak),
        new("all TrungBinh is TrungBinh", Cell("BBBBBBBBBBBB"), 12, 12, 0, 0, 0, Band.Average),
        new("all Kem is Kem", Cell("WWWWWWWWWWWW"), 12, 12, 0, 0, 12, Band.Weak),
        new("a not-reported month counts as Kem", Cell("TTTTTTTTTTT-"), 12, 12, 11, 11, 1, Band.Average),
        new("three not-reported months make a Kem year", Cell("---TTTTTTTTT"), 12, 12, 9, 9, 3, Band.Weak),
        new("nothing reported at all is Kem", Cell("------------"), 12, 12, 0, 0, 12, Band.Weak),
        new("confirmation prevails over the self-score", Cell("TTTTTTTTTTTT", "WWW---------"), 12, 12, 9, 9, 3, Band.Weak),
        new("confirmation can raise a month", Cell("WWWTTTTTTTTT", "TTT---------"), 12, 12, 12, 12, 0, Band.Good),
        new("a confirmed month without a self-score counts", Cell("-TTTTTTTTTTT", "T-----------"), 12, 12, 12, 12, 0, Band.Good),
        new("through November: R = 11", Cell("TTTTTTTKKKKW"), 11, 11, 7, 11, 0, Band.Good),
        new("through June: R = 6 is enough", Cell("TTTTKK------"), 6, 6, 4, 6, 0, Band.Good),
        new("through May: R = 5 is insufficient", Cell("TTTTT-------"), 5, 5, 5, 5, 0, null),
        new("through June, 3 Tot of 6 is Kha (ceil 3.5 = 4)", Cell("TTTKKK------"), 6, 6, 3, 6, 0, Band.Fair),
        new("active from July 1: R = 6", Cell("------TTTTKK", from: D(7, 1)), 12, 6, 4, 6, 0, Band.Good),
        new("active from July 31 still requires July", Cell("------TTTTKK", from: D(7, 31)), 12, 6, 4, 6, 0, Band.Good),
        new("active from August 1: R = 5, insufficient", Cell("-------TTTTT", from: D(8, 1)), 12, 5, 5, 5, 0, null),
        new("active until June 1 still requires June", Cell("TTTTKK------", to: D(6, 1)), 12, 6, 4, 6, 0, Band.Good),
        new("active until May 31: R = 5", Cell("TTTTT-------", to: D(5, 31)), 12, 5, 5, 5, 0, null),
        new("active from last year counts from January", Cell("TTTTTTTTTTTT", from: new DateOnly(2020, 3, 1)), 12, 12, 12, 12, 0, Band.Good),
        new("active until next year counts to the through-month", Cell("TTTTTTTTTTTT", to: new DateOnly(2026, 3, 1)), 10, 10, 10, 10, 0, Band.Good),
        new("active only next year: R = 0", Cell("TTTTTTTTTTTT", from: new DateOnly(2026, 1, 1)), 12, 0, 0, 0, 0, null),
        new("months outside activity are ignored even if scored", Cell("WWWTTTTTTTTT", from: D(4, 15)), 12, 9, 9, 9, 0, Band.Good),
        new("months after the through-month are ignored", Cell("TTTTTTTKKKWW"), 10, 10, 7, 10, 0, Band.Good),
        new("R = 9: Tot needs ceil(5.25) = 6 Tot", Cell("TTTTTKKKK---", to: D(9, 30)), 12, 9, 5, 9, 0, Band.Fair),
        new("R = 9: 6 Tot is Tot", Cell("TTTTTTKKK---", to: D(9, 30)), 12, 9, 6, 9, 0, Band.Good),
        new("R = 9: Kha needs ceil(6.75) = 7 Kha-or-better", Cell("KKKKKKBBB---", to: D(9, 30)), 12, 9, 0, 6, 0, Band.Average),
        new("R = 9: 7 Kha-or-better is Kha", Cell("KKKKKKKBB---", to: D(9, 30)), 12, 9, 0, 7, 0, Band.Fair),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_year_rolls_up_as_the_domain_doc_says(YearCase c)
    {
        var year = AnnualRollUp.Summarize(PolicyCatalog.Embedded.Find("vn-2025")!.Annual, c.Cell, new YearWindow(2025, c.Through));

        Assert.Equal((c.R, c.T, c.G, c.W, c.Band), (year.Required, year.Good, year.FairOrBetter, year.Weak, year.Band));
    }

    [Fact]
    public void Months_not_reported_are_counted_apart_as_well()
    {
        var year = AnnualRollUp.Summarize(PolicyCatalog.Embedded.Find("vn-2025")!.Annual, Cell("TT--TTTTTTTW"), new YearWindow(2025));

        Assert.Equal(2, year.NotReported);
        Assert.Equal(3, year.Weak);
    }
}
