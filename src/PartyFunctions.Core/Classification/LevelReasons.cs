namespace PartyFunctions.Classification;

/// <summary>
/// Why a level was proposed, as bits so that classifying hundreds of thousands of cells allocates no lists;
/// <see cref="LevelReasonTexts"/> turns them into codes and sentences.
/// </summary>
[Flags]
public enum LevelReasons : ushort
{
    None = 0,
    InsufficientData = 1 << 0,
    YearWeak = 1 << 1,
    MembersFailedShare = 1 << 2,
    TargetsMissed = 1 << 3,
    YearGood = 1 << 4,
    YearFair = 1 << 5,
    YearAverage = 1 << 6,
    Disciplined = 1 << 7,
    OpenRemediation = 1 << 8,
    MembersBelowShare = 1 << 9,
    MembersFailed = 1 << 10,
    Quota = 1 << 11,
}
