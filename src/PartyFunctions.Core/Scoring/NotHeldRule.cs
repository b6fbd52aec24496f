using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>A meeting not held: the points entered are ignored, the total is 0 and the band at most <see cref="MonthlyRule.Cap"/>.</summary>
public sealed record NotHeldRule(Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "not-held";

    protected override bool SetsTotalToZero => true;

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) => !sheet.Facts.Held;

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack) =>
        Because("Chi bộ không tổ chức sinh hoạt trong tháng, tổng điểm 0", "The meeting was not held, total 0");
}
