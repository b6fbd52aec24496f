namespace PartyFunctions.Policy;

/// <summary>
/// The pack's settings for attendance records (docs/domain.md, "Attendance"): how many points a cell's self-score may
/// stand above an observed score of the same month before the <c>score-gap</c> alert opens. Optional in a pack: a pack
/// without it takes the defaults.
/// </summary>
public sealed record AttendancePolicy(decimal ScoreGapPoints = AttendancePolicy.DefaultScoreGapPoints)
{
    public const decimal DefaultScoreGapPoints = 10;

    public static AttendancePolicy Default { get; } = new();
}
