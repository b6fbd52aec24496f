using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>Attendance (present ÷ expected) at or below <paramref name="AtMost"/> knocks the month down to <see cref="MonthlyRule.Cap"/>.</summary>
public sealed record AttendanceKnockOutRule(Fraction AtMost, Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "attendance-knock-out";

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) =>
        AtMost.CompareRatio(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected) <= 0;

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack) => Because(
        $"Tỷ lệ đảng viên dự {Texts.Rate(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected, Texts.Vi)} không quá {AtMost.Percent(Texts.Vi)}",
        $"Attendance {Texts.Rate(sheet.Facts.MembersPresent, sheet.Facts.MembersExpected, Texts.En)} is at most {AtMost.Percent(Texts.En)}");
}
