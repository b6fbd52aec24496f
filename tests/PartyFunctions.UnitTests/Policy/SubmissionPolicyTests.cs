using PartyFunctions.Policy;
using PartyFunctions.Submissions;

namespace PartyFunctions.UnitTests.Policy;

public sealed class SubmissionPolicyTests
{
    [Theory]
    [InlineData(null, "vn")]
    [InlineData("", "vn")]
    [InlineData(" phu-tho ", "phu-tho")]
    public void A_deployment_scores_with_the_series_its_setting_names_or_the_national_packs(string? setting, string series)
    {
        var policy = SubmissionPolicy.ForSeries(PolicyCatalog.Embedded, setting);

        Assert.Equal(series, policy.Series);
        Assert.Equal(series, policy.PackFor(new ScorePeriod(2026, 3))!.Series);
    }

    [Fact]
    public void A_series_no_pack_belongs_to_is_refused_naming_the_known_ones()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => SubmissionPolicy.ForSeries(PolicyCatalog.Embedded, "phutho"));

        Assert.Contains("\"phutho\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("phu-tho, vn", refused.Message, StringComparison.Ordinal);
    }
}
