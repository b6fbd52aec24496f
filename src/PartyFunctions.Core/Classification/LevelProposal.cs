using PartyFunctions.Scoring;

namespace PartyFunctions.Classification;

/// <summary>Proposes a cell's level from its year and annual facts (docs/domain.md, "Proposed annual classification"), before the quota.</summary>
public static class LevelProposal
{
    public static (Level? Level, LevelReasons Reasons) Propose(ClassificationPolicy policy, in YearSummary year, AnnualFacts? facts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (year.Band is not { } band)
        {
            return (null, LevelReasons.InsufficientData);
        }

        facts ??= AnnualFacts.None;
        var members = facts.Members ?? default;
        var rated = members.Total;
        var failedBy = (band == Band.Weak ? LevelReasons.YearWeak : 0)
            | (rated > 0 && policy.Failed.MembersAbove.CompareRatio(members.Failed, rated) > 0 ? LevelReasons.MembersFailedShare : 0)
            | (facts.TargetsMetRate is { } rate && policy.Failed.TargetsMetBelow.CompareRate(rate) < 0 ? LevelReasons.TargetsMissed : 0);
        if (failedBy != 0)
        {
            return (Level.Failed, failedBy);
        }

        var disciplined = facts.Disciplined ? LevelReasons.Disciplined : 0;
        if (band == Band.Good)
        {
            var blockedBy = disciplined
                | (facts.OpenRemediation ? LevelReasons.OpenRemediation : 0)
                | (rated > 0 && policy.Excellent.MembersGoodOrBetterAtLeast.CompareRatio(members.GoodOrBetter, rated) < 0
                    ? LevelReasons.MembersBelowShare : 0)
                | (members.Failed > 0 ? LevelReasons.MembersFailed : 0);
            if (blockedBy == 0)
            {
                return (Level.Excellent, LevelReasons.YearGood);
            }

            return disciplined == 0 ? (Level.Good, LevelReasons.YearGood | blockedBy) : (Level.Complete, LevelReasons.YearGood | blockedBy);
        }

        var yearReason = band == Band.Fair ? LevelReasons.YearFair : LevelReasons.YearAverage;
        return band == Band.Fair && disciplined == 0 ? (Level.Good, yearReason) : (Level.Complete, yearReason | disciplined);
    }
}
