using PartyFunctions.Scoring;
using static PartyFunctions.UnitTests.Scoring.Sheets;

namespace PartyFunctions.UnitTests.Scoring;

/// <summary>docs/domain.md's monthly rules, one row per case, vn-2025 unless the row names phu-tho.</summary>
public sealed class MonthlyGoldenTests
{
    public sealed record MonthCase(string Name, ScoreSheet Sheet, decimal Total, Band Band, string Reasons, bool PhuTho = false)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<MonthCase> Cases() =>
    [
        // Bands from the total alone.
        new MonthCase("100 points is Tot", Sheet(100), 100, Band.Good, ""),
        new MonthCase("90 points is Tot", Sheet(90), 90, Band.Good, ""),
        new MonthCase("89.5 points is Kha", Sheet(89.5m), 89.5m, Band.Fair, ""),
        new MonthCase("70 points is Kha", Sheet(70), 70, Band.Fair, ""),
        new MonthCase("69.5 points is TrungBinh", Sheet(69.5m), 69.5m, Band.Average, ""),
        new MonthCase("50 points is TrungBinh", Sheet(50), 50, Band.Average, ""),
        new MonthCase("49.5 points is Kem", Sheet(49.5m), 49.5m, Band.Weak, ""),
        new MonthCase("0 points is Kem", Sheet(0, attendance: 0, duration: 0), 0, Band.Weak, ""),
        new MonthCase("75.5 points is Kha", Sheet(75.5m), 75.5m, Band.Fair, ""),
        // Rule 1: not held.
        new MonthCase("not held is Kem with total 0", Sheet(100, Facts(held: false, present: 0, minutes: 0)), 0, Band.Weak, "not-held"),
        new MonthCase("not held with full attendance facts is still Kem", Sheet(95, Facts(held: false)), 0, Band.Weak, "not-held"),
        new MonthCase("not held with 30 points is Kem total 0", Sheet(30, Facts(held: false, present: 0)), 0, Band.Weak, "not-held"),
        // Rule 2: attendance at or below one half.
        new MonthCase("attendance exactly 0.5 knocks out", Sheet(100, Facts(present: 15)), 100, Band.Weak, "attendance-knock-out"),
        new MonthCase("attendance just above 0.5 is capped, not knocked out", Sheet(100, Facts(present: 16)), 100, Band.Average, "attendance-cap"),
        new MonthCase("attendance 0 knocks out", Sheet(100, Facts(present: 0)), 100, Band.Weak, "attendance-knock-out"),
        new MonthCase("attendance 0.5 of the expected after exemptions knocks out", Sheet(100, Facts(total: 32, exempt: 2, present: 15)), 100, Band.Weak, "attendance-knock-out"),
        new MonthCase("knock-out of a Kem total gives no reason", Sheet(40, Facts(present: 10)), 40, Band.Weak, ""),
        new MonthCase("knock-out of a TrungBinh total", Sheet(60, Facts(present: 14)), 60, Band.Weak, "attendance-knock-out"),
        // Rule 3: attendance below two thirds.
        new MonthCase("attendance exactly 2/3 is not capped", Sheet(100, Facts(present: 20)), 100, Band.Good, ""),
        new MonthCase("attendance just below 2/3 caps TrungBinh", Sheet(100, Facts(present: 19)), 100, Band.Average, "attendance-cap"),
        new MonthCase("attendance 2/3 of 3 expected is not capped", Sheet(100, Facts(total: 3, present: 2)), 100, Band.Good, ""),
        new MonthCase("attendance cap of a TrungBinh total says nothing", Sheet(55, Facts(present: 19)), 55, Band.Average, ""),
        new MonthCase("attendance cap of a Kha total", Sheet(80, Facts(present: 19)), 80, Band.Average, "attendance-cap"),
        new MonthCase("exempt members do not count: 20 of 28 expected is above 2/3", Sheet(100, Facts(exempt: 2, present: 20)), 100, Band.Good, ""),
        // Rule 4: discipline.
        new MonthCase("a disciplined member caps TrungBinh", Sheet(100, Facts(disciplined: true)), 100, Band.Average, "discipline-cap"),
        new MonthCase("discipline does not raise a Kem month", Sheet(45, Facts(disciplined: true)), 45, Band.Weak, ""),
        new MonthCase("discipline on a Kha total", Sheet(72, Facts(disciplined: true)), 72, Band.Average, "discipline-cap"),
        new MonthCase("attendance cap then discipline: only the first lowers", Sheet(100, Facts(present: 19, disciplined: true)), 100, Band.Average, "attendance-cap"),
        // Rule 5: duration.
        new MonthCase("89 minutes caps Kha", Sheet(100, Facts(minutes: 89)), 100, Band.Fair, "duration-cap"),
        new MonthCase("90 minutes is enough", Sheet(100, Facts(minutes: 90)), 100, Band.Good, ""),
        new MonthCase("combined meeting of 119 minutes caps Kha", Sheet(100, Facts(combined: true, minutes: 119)), 100, Band.Fair, "duration-cap"),
        new MonthCase("combined meeting of 120 minutes is enough", Sheet(100, Facts(combined: true, minutes: 120)), 100, Band.Good, ""),
        new MonthCase("combined meeting of 90 minutes caps Kha", Sheet(100, Facts(combined: true, minutes: 90)), 100, Band.Fair, "duration-cap"),
        new MonthCase("short meeting on a Kha total says nothing", Sheet(80, Facts(minutes: 60)), 80, Band.Fair, ""),
        new MonthCase("short meeting after discipline says nothing", Sheet(100, Facts(minutes: 60, disciplined: true)), 100, Band.Average, "discipline-cap"),
        // Rule 6: full marks on attendance and duration for Tot.
        new MonthCase("attendance 14.5 of 15 caps Kha", Sheet(95, attendance: 14.5m), 95, Band.Fair, "full-marks-gate"),
        new MonthCase("duration 4 of 5 caps Kha", Sheet(95, duration: 4), 95, Band.Fair, "full-marks-gate"),
        new MonthCase("both short caps Kha once", Sheet(92, attendance: 14, duration: 4), 92, Band.Fair, "full-marks-gate"),
        new MonthCase("gate does not touch a Kha total", Sheet(85, attendance: 10), 85, Band.Fair, ""),
        new MonthCase("duration cap comes before the gate", Sheet(95, Facts(minutes: 80), duration: 3), 95, Band.Fair, "duration-cap"),
        new MonthCase("every rule at once: the first that lowers explains", Sheet(86, Facts(present: 15, minutes: 10, disciplined: true), attendance: 1), 86, Band.Weak, "attendance-knock-out"),
        new MonthCase("attendance cap then nothing lower", Sheet(95, Facts(present: 19, minutes: 10), duration: 0), 95, Band.Average, "attendance-cap"),
        // phu-tho: only rules 1-3, its own criteria.
        new MonthCase("phu-tho: 100 points is Tot", Sheet(PhuTho, 100), 100, Band.Good, "", true),
        new MonthCase("phu-tho: short meeting does not cap", Sheet(PhuTho, 100, Facts(minutes: 30)), 100, Band.Good, "", true),
        new MonthCase("phu-tho: discipline does not cap", Sheet(PhuTho, 100, Facts(disciplined: true)), 100, Band.Good, "", true),
        new MonthCase("phu-tho: no full-marks gate", Sheet(PhuTho, 95, attendance: 15), 95, Band.Good, "", true),
        new MonthCase("phu-tho: attendance below 2/3 caps", Sheet(PhuTho, 100, Facts(present: 19)), 100, Band.Average, "attendance-cap", true),
        new MonthCase("phu-tho: attendance 0.5 knocks out", Sheet(PhuTho, 100, Facts(present: 15)), 100, Band.Weak, "attendance-knock-out", true),
        new MonthCase("phu-tho: not held", Sheet(PhuTho, 80, Facts(held: false)), 0, Band.Weak, "not-held", true),
        new MonthCase("phu-tho: 89.5 is Kha", Sheet(PhuTho, 89.5m), 89.5m, Band.Fair, "", true),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_month_gets_the_band_and_reasons_the_domain_doc_gives(MonthCase c)
    {
        var result = MonthlyScoring.Score(c.PhuTho ? PhuTho : Vn2025, c.Sheet);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(c.Total, result.Score!.Total);
        Assert.Equal(c.Band, result.Score.Band);
        Assert.Equal(c.Reasons, string.Join(",", result.Score.Reasons.Select(r => r.Code)));
    }

    [Fact]
    public void Reasons_carry_Vietnamese_and_English_text_with_the_numbers()
    {
        var result = MonthlyScoring.Score(Vn2025, Sheet(100, Facts(present: 19)));

        var reason = Assert.Single(result.Score!.Reasons);
        Assert.Equal("Tỷ lệ đảng viên dự 63,3% dưới 66,7%: xếp loại tối đa Trung bình.", reason.Vi);
        Assert.Equal("Attendance 63.3% is below 66.7%: band at most Average (Trung bình).", reason.En);
    }

    [Fact]
    public void The_band_from_the_total_is_kept_beside_the_capped_band()
    {
        var score = MonthlyScoring.Score(Vn2025, Sheet(100, Facts(disciplined: true))).Score!;

        Assert.Equal(Band.Good, score.BandFromTotal);
        Assert.Equal(Band.Average, score.Band);
        Assert.Equal("vn-2025", score.PackId);
    }
}
