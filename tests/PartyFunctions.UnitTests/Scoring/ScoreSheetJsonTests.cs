using PartyFunctions.Scoring;

namespace PartyFunctions.UnitTests.Scoring;

public sealed class ScoreSheetJsonTests
{
    [Fact]
    public void The_sheet_of_the_issue_reads_with_every_fact()
    {
        var (sheet, errors) = ScoreSheetJson.Read("""
            {"period":"2025-11","criteria":{"preparation":15,"attendance":14.5},"facts":{"held":true,
            "combined":false,"membersTotal":30,"membersExempt":2,"membersPresent":26,"unexcusedAbsent":0,
            "durationMinutes":95,"memberDisciplined":false}}
            """);

        Assert.Empty(errors);
        Assert.Equal(14.5m, sheet!.Criteria["attendance"]);
        Assert.Equal(new MeetingFacts(true, false, 30, 2, 26, 0, 95, false), sheet.Facts);
    }

    [Fact]
    public void Every_missing_fact_is_named()
    {
        var (sheet, errors) = ScoreSheetJson.Read("""{"criteria":{},"facts":{"held":true,"membersTotal":3}}""");

        Assert.Null(sheet);
        Assert.Equal(
            ["period", "facts.combined", "facts.membersExempt", "facts.membersPresent", "facts.unexcusedAbsent", "facts.durationMinutes", "facts.memberDisciplined"],
            errors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("""{"period":"2025-11","facts":{"held":"yes"}}""", "facts.held")]
    [InlineData("""{"period":"2025-11","surprise":1}""", "surprise")]
    public void A_wrong_type_or_unknown_field_is_reported_at_its_path(string json, string field)
    {
        var (_, errors) = ScoreSheetJson.Read(json);

        Assert.Equal("json", errors.Single().Code);
        Assert.Contains(field, errors.Single().Field + errors.Single().En, StringComparison.Ordinal);
    }
}
