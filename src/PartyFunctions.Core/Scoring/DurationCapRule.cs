using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>A meeting shorter than the minimum (a longer one when regular and thematic meetings are combined) caps the band.</summary>
public sealed record DurationCapRule(int MinimumMinutes, int CombinedMinimumMinutes, Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "duration-cap";

    private int MinimumFor(MeetingFacts facts) => facts.Combined ? CombinedMinimumMinutes : MinimumMinutes;

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) =>
        sheet.Facts.DurationMinutes < MinimumFor(sheet.Facts);

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack)
    {
        var facts = sheet.Facts;
        return Because(
            $"Thời lượng {facts.DurationMinutes} phút, dưới {MinimumFor(facts)} phút" +
                (facts.Combined ? " (sinh hoạt thường kỳ kết hợp chuyên đề)" : ""),
            $"The meeting lasted {facts.DurationMinutes} minutes, under {MinimumFor(facts)}" +
                (facts.Combined ? " (regular and thematic meetings combined)" : ""));
    }
}
