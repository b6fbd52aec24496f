using PartyFunctions.Scoring;
using static PartyFunctions.UnitTests.Scoring.Sheets;

namespace PartyFunctions.UnitTests.Scoring;

public sealed class SheetValidationTests
{
    private static IReadOnlyList<FieldError> Errors(ScoreSheet sheet) => MonthlyScoring.Score(Vn2025, sheet).Errors;

    private static ScoreSheet WithPoints(string key, decimal points)
    {
        var sheet = Sheet(100);
        return sheet with { Criteria = new Dictionary<string, decimal>(sheet.Criteria) { [key] = points } };
    }

    [Theory]
    [InlineData("preparation", -0.5, "out-of-range")]
    [InlineData("preparation", 15.5, "out-of-range")]
    [InlineData("attendance", 14.25, "step")]
    [InlineData("closing", 10.1, "out-of-range")]
    [InlineData("nonsense", 1, "unknown-criterion")]
    public void Points_outside_0_to_max_in_half_steps_are_rejected_with_their_field(string key, double points, string code)
    {
        var error = Assert.Single(Errors(WithPoints(key, (decimal)points)));

        Assert.Equal($"criteria.{key}", error.Field);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Vi));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        var sheet = new ScoreSheet("2025-13", new Dictionary<string, decimal> { ["preparation"] = 20, ["attendance"] = 0.3m },
            Facts(present: 31, minutes: -1));

        var fields = Errors(sheet).Select(e => e.Field).ToList();

        Assert.Contains("period", fields);
        Assert.Contains("criteria.preparation", fields);
        Assert.Contains("criteria.attendance", fields);
        Assert.Contains("criteria.duration", fields);
        Assert.Contains("criteria.closing", fields);
        Assert.Contains("facts.membersPresent", fields);
        Assert.Contains("facts.durationMinutes", fields);
        Assert.Equal(10, fields.Count); // 1 period + 2 bad points + 5 missing criteria + 2 facts
    }

    [Theory]
    [InlineData(0, 0, 0, 0, "facts.membersTotal")]
    [InlineData(10, -1, 5, 0, "facts.membersExempt")]
    [InlineData(10, 11, 0, 0, "facts.membersExempt")]
    [InlineData(10, 10, 0, 0, "facts.membersExempt")]
    [InlineData(10, 2, 9, 0, "facts.membersPresent")]
    [InlineData(10, 2, -1, 0, "facts.membersPresent")]
    [InlineData(10, 2, 6, 3, "facts.unexcusedAbsent")]
    [InlineData(10, 2, 6, -1, "facts.unexcusedAbsent")]
    public void Inconsistent_member_counts_name_the_field_at_fault(int total, int exempt, int present, int absent, string field)
    {
        var error = Assert.Single(Errors(Sheet(100, Facts(total: total, exempt: exempt, present: present, absent: absent))));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Consistent_counts_at_their_limits_are_accepted()
    {
        Assert.Empty(Errors(Sheet(100, Facts(total: 10, exempt: 9, present: 1, absent: 0))));
        Assert.Empty(Errors(Sheet(100, Facts(total: 10, exempt: 2, present: 6, absent: 2))));
    }

    [Fact]
    public void A_meeting_not_held_may_leave_the_points_out()
    {
        var sheet = new ScoreSheet("2025-11", new Dictionary<string, decimal>(), Facts(held: false, present: 0, minutes: 0));

        Assert.Empty(Errors(sheet));
        Assert.NotEmpty(Errors(sheet with { Facts = Facts() }));
    }
}
