using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.UnitTests.Scoring;

/// <summary>Builds vn-2025 sheets: full marks and a 95-minute meeting of 30 members all present, unless told otherwise.</summary>
internal static class Sheets
{
    public static PolicyPack Vn2025 => PolicyCatalog.Embedded.Find("vn-2025")!;

    public static PolicyPack PhuTho => PolicyCatalog.Embedded.Find("phu-tho")!;

    public static MeetingFacts Facts(
        bool held = true, bool combined = false, int total = 30, int exempt = 0, int present = 30, int absent = 0,
        int minutes = 95, bool disciplined = false) =>
        new(held, combined, total, exempt, present, absent, minutes, disciplined);

    /// <summary>
    /// A sheet whose points add up to <paramref name="points"/>, with the given attendance and duration points; the
    /// rest is taken off the other criteria in pack order, so the total is exactly what the case names.
    /// </summary>
    public static ScoreSheet Sheet(PolicyPack pack, decimal points, MeetingFacts? facts = null, decimal? attendance = null, decimal? duration = null)
    {
        var criteria = pack.Criteria.ToDictionary(c => c.Key, c => c.Max);
        if (attendance is { } a) criteria["attendance"] = a;
        if (duration is { } d && criteria.ContainsKey("duration")) criteria["duration"] = d;
        var missing = criteria.Values.Sum() - points;
        foreach (var criterion in pack.Criteria.Where(c => c.Key is not ("attendance" or "duration")))
        {
            var cut = Math.Min(missing, criterion.Max);
            criteria[criterion.Key] -= cut;
            missing -= cut;
        }

        Assert.Equal(0, missing);
        return new ScoreSheet("2025-11", criteria, facts ?? Facts());
    }

    public static ScoreSheet Sheet(decimal points, MeetingFacts? facts = null, decimal? attendance = null, decimal? duration = null) =>
        Sheet(Vn2025, points, facts, attendance, duration);
}
