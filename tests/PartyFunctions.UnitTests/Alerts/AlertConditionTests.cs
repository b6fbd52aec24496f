using PartyFunctions.Alerts;
using PartyFunctions.Scoring;

namespace PartyFunctions.UnitTests.Alerts;

/// <summary>When the monthly alert rules open (docs/domain.md, "Alert rules").</summary>
public sealed class AlertConditionTests
{
    [Theory]
    [InlineData(Band.Good, Band.Good, Band.Average, Band.Weak, true)]
    [InlineData(Band.Good, Band.Good, Band.Average, Band.Average, true)]
    [InlineData(Band.Good, Band.Good, Band.Good, Band.Average, false)]
    [InlineData(Band.Good, Band.Weak, Band.Good, Band.Weak, false)]
    public void Two_consecutive_months_average_or_worse_need_consolidation_and_two_apart_do_not(Band a, Band b, Band c, Band d, bool needs)
    {
        Assert.Equal(needs, AlertConditions.NeedsConsolidation([Band.Good, Band.Good, a, b, c, d]));
    }

    [Fact]
    public void Three_poor_months_of_the_last_six_need_consolidation_even_apart()
    {
        Assert.True(AlertConditions.NeedsConsolidation([Band.Weak, Band.Good, Band.Average, Band.Good, Band.Weak, Band.Good]));
        Assert.False(AlertConditions.NeedsConsolidation([Band.Weak, Band.Good, Band.Average, Band.Good, Band.Fair, Band.Good]));
    }

    [Fact]
    public void Months_not_known_yet_count_as_neither_good_nor_poor()
    {
        Assert.False(AlertConditions.NeedsConsolidation([null, null, null, null, null, Band.Weak]));
    }

    [Theory]
    [InlineData(Band.Weak, true)]
    [InlineData(Band.Average, false)]
    public void Only_a_weak_month_opens_weak_month(Band band, bool opens)
    {
        Assert.Equal(opens, AlertConditions.WeakMonthOpens(band));
    }
}
