using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>Scores a month: validate the sheet, total the points, band the total, then apply the pack's rules in order.</summary>
public static class MonthlyScoring
{
    public static MonthlyResult Score(PolicyPack pack, ScoreSheet sheet)
    {
        var errors = SheetValidator.Validate(pack, sheet);
        if (errors.Count > 0)
        {
            return new MonthlyResult(null, errors);
        }

        var total = 0m;
        foreach (var criterion in pack.Criteria)
        {
            total += sheet.Criteria.GetValueOrDefault(criterion.Key);
        }

        var fromTotal = pack.Bands.BandOf(total, pack.TotalPoints);
        var band = fromTotal;
        var reasons = new List<Reason>();
        foreach (var rule in pack.MonthlyRules)
        {
            if (!rule.Applies(sheet, pack))
            {
                continue;
            }

            // A rule explains itself when it lowered the band; a cap at or above the band says nothing.
            // A meeting not held is always explained: it is the whole story of that month.
            if (rule.Cap < band || rule.ZeroesTotal)
            {
                reasons.Add(rule.Explain(sheet, pack));
            }

            if (rule.ZeroesTotal)
            {
                total = 0;
            }

            band = rule.Cap < band ? rule.Cap : band;
        }

        return new MonthlyResult(new MonthlyScore(sheet.Period, pack.Id, total, fromTotal, band, reasons), []);
    }
}
