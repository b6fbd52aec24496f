using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>Attendance (present ÷ expected) strictly below <paramref name="Below"/> caps the band.</summary>
public sealed record AttendanceCapRule(Fraction Below, Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "attendance-cap";

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) =>
        Below.CompareRatio(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected) < 0;

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack) => Because(
        $"Tỷ lệ đảng viên dự {Texts.Rate(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected, Texts.Vi)} dưới {Below.Percent(Texts.Vi)}",
        $"Attendance {Texts.Rate(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected, Texts.En)} is below {Below.Percent(Texts.En)}");
}
