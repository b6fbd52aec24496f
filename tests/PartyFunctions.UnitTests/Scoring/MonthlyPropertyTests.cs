using PartyFunctions.Scoring;
using static PartyFunctions.UnitTests.Scoring.Sheets;

namespace PartyFunctions.UnitTests.Scoring;

/// <summary>Properties over seeded random sheets (seeded so that a failure can be replayed).</summary>
public sealed class MonthlyPropertyTests
{
    private static IEnumerable<ScoreSheet> RandomSheets(int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var criteria = Vn2025.Criteria.ToDictionary(c => c.Key, c => random.Next(0, (int)(c.Max * 2) + 1) / 2m);
            var total = random.Next(1, 40);
            var exempt = random.Next(0, total);
            var present = random.Next(0, total - exempt + 1);
            var facts = new MeetingFacts(random.Next(10) > 0, random.Next(2) == 0, total, exempt, present,
                random.Next(0, total - exempt - present + 1), random.Next(0, 180), random.Next(5) == 0);
            yield return new ScoreSheet("2025-11", criteria, facts);
        }
    }

    [Fact]
    public void A_rule_never_raises_the_band_above_the_band_of_the_total()
    {
        foreach (var sheet in RandomSheets(seed: 3, count: 2000))
        {
            var score = MonthlyScoring.Score(Vn2025, sheet).Score!;
            Assert.True(score.Band <= score.BandFromTotal, $"{sheet}: {score}");
        }
    }

    [Fact]
    public void Half_a_point_more_on_any_criterion_never_lowers_the_band()
    {
        foreach (var sheet in RandomSheets(seed: 5, count: 1000))
        {
            var before = MonthlyScoring.Score(Vn2025, sheet).Score!.Band;
            foreach (var criterion in Vn2025.Criteria.Where(c => sheet.Criteria[c.Key] < c.Max))
            {
                var more = sheet with { Criteria = new Dictionary<string, decimal>(sheet.Criteria) { [criterion.Key] = sheet.Criteria[criterion.Key] + 0.5m } };
                Assert.True(MonthlyScoring.Score(Vn2025, more).Score!.Band >= before, $"{criterion.Key} on {sheet}");
            }
        }
    }

    [Fact]
    public void One_more_member_present_never_lowers_the_band()
    {
        foreach (var sheet in RandomSheets(seed: 7, count: 1000).Where(s => s.Facts.MembersPresent + s.Facts.UnexcusedAbsent < s.Facts.MembersExpected))
        {
            var before = MonthlyScoring.Score(Vn2025, sheet).Score!.Band;
            var more = sheet with { Facts = sheet.Facts with { MembersPresent = sheet.Facts.MembersPresent + 1 } };
            Assert.True(MonthlyScoring.Score(Vn2025, more).Score!.Band >= before);
        }
    }
}
