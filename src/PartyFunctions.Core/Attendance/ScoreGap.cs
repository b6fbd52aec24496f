using System.Globalization;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// The <c>score-gap</c> rule (docs/domain.md, "Attendance"): a cell's self-score more than the pack's margin
/// (<see cref="Policy.AttendancePolicy.ScoreGapPoints"/>, 10 by default) above an observed score of the same month, or
/// in a higher band, is a gap. Exactly the margin is not. Where several members observed the month, the widest gap
/// names the alert. The cell's own score is compared, not a confirmation.
/// </summary>
public static class ScoreGap
{
    public static bool Opens(decimal selfTotal, Band selfBand, decimal observedTotal, Band observedBand, decimal margin) =>
        selfTotal - observedTotal > margin || selfBand > observedBand;

    /// <summary>The observation furthest below the self-score among those that make a gap, or null when none does.</summary>
    public static AttendanceRecord? Widest(ScoreRecord self, IEnumerable<AttendanceRecord> observed, decimal margin)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(observed);
        return SelfObserved.LowestFirst(observed).FirstOrDefault(o => Opens(self.Total, self.Band, o.Score!.Total, o.Score.Band, margin));
    }

    /// <summary>The alert's line: both scores, the difference, and who observed on which day, in Vietnamese then English.</summary>
    public static string Detail(ScoreRecord self, AttendanceRecord observed)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(observed);
        var seen = observed.Score ?? throw new ArgumentException("The record has no observed score.", nameof(observed));
        var gap = self.Total - seen.Total;
        static string Vi(decimal n) => n.ToString("0.##", CultureInfo.GetCultureInfo("vi-VN"));
        static string En(decimal n) => n.ToString("0.##", CultureInfo.InvariantCulture);
        var day = observed.MeetingDate;
        return string.Create(CultureInfo.InvariantCulture,
            $"Chi bộ tự chấm {Vi(self.Total)} điểm ({self.Band.Vietnamese()}); {observed.RecordedBy} dự sinh hoạt ngày {day:dd/MM/yyyy} chấm {Vi(seen.Total)} điểm ({seen.Band.Vietnamese()}), chênh {Vi(gap)} điểm. / ")
            + string.Create(CultureInfo.InvariantCulture,
            $"Self-score {En(self.Total)} ({self.Band.English()}); {observed.RecordedBy}, who attended on {day:yyyy-MM-dd}, scored {En(seen.Total)} ({seen.Band.English()}), {En(gap)} points apart.");
    }
}
