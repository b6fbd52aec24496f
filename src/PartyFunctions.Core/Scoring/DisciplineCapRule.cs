using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>A member disciplined this month caps the band.</summary>
public sealed record DisciplineCapRule(Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "discipline-cap";

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) => sheet.Facts.MemberDisciplined;

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack) =>
        Because("Có đảng viên bị kỷ luật trong tháng", "A member was disciplined this month");
}
