using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Submissions;

/// <summary>
/// Use case: what the monthly form is drawn with. Its criteria come from the pack in force for the month typed, else
/// for the month the form proposes (last month until the cut-off), else the catalog's first pack; a receipt shows the
/// pack its score was made under.
/// </summary>
public sealed class SubmissionForm(SubmissionPolicy policy, TimeProvider clock)
{
    public FormSetting For(string? periodText)
    {
        var today = VietnamDate.Today(clock);
        var pack = (ScorePeriod.TryParse(periodText, out var period) ? policy.PackFor(period) : null)
            ?? policy.PackFor(ReportingCalendar.DefaultPeriod(today)) ?? policy.Catalog.Entries[0].Pack;
        return new FormSetting(pack, today);
    }

    public PolicyPack PackOf(ScoreRecord score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return policy.Catalog.Find(score.PackId)
            ?? throw new InvalidOperationException($"Score of {score.UnitId} names unknown pack {score.PackId}.");
    }
}

/// <summary>The pack whose criteria the form shows, and today in Vietnam (the months offered end with this one).</summary>
public sealed record FormSetting(PolicyPack Pack, DateOnly Today);
