namespace PartyFunctions.Policy;

/// <summary>
/// The pack's settings for attendance records (docs/domain.md, "Attendance"): how many points a cell's self-score may
/// stand above an observed score of the same month before the <c>score-gap</c> alert opens, and the attendance duty:
/// each unit attended at least once every <see cref="DutyMonths"/> months (periods counted from January; 3 is once a
/// quarter), by its assigned member when <see cref="DutyByAssignedMember"/> (else by anyone). Optional in a pack: a pack
/// without it takes the defaults.
/// </summary>
public sealed record AttendancePolicy(
    decimal ScoreGapPoints = AttendancePolicy.DefaultScoreGapPoints,
    int DutyMonths = AttendancePolicy.DefaultDutyMonths,
    bool DutyByAssignedMember = true)
{
    public const decimal DefaultScoreGapPoints = 10;
    public const int DefaultDutyMonths = 3;

    public static AttendancePolicy Default { get; } = new();
}
