using System.Text.RegularExpressions;
using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>Checks a sheet against a pack and docs/domain.md's consistency rules, collecting every problem rather than the first.</summary>
public static partial class SheetValidator
{
    [GeneratedRegex(@"^\d{4}-(0[1-9]|1[0-2])$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    public static IReadOnlyList<FieldError> Validate(PolicyPack pack, ScoreSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(sheet);
        var errors = new List<FieldError>();
        if (!PeriodPattern().IsMatch(sheet.Period ?? ""))
        {
            errors.Add(SheetErrors.Period("period"));
        }

        CheckPoints(pack, sheet, errors);
        CheckFacts(sheet.Facts, errors);
        return errors;
    }

    private static void CheckPoints(PolicyPack pack, ScoreSheet sheet, List<FieldError> errors)
    {
        foreach (var criterion in pack.Criteria)
        {
            var field = $"criteria.{criterion.Key}";
            if (!sheet.Criteria.TryGetValue(criterion.Key, out var points))
            {
                // Points of a meeting not held are ignored, so they may be left out.
                if (sheet.Facts.Held)
                {
                    errors.Add(SheetErrors.Required(field));
                }
            }
            else if (points < 0 || points > criterion.Max)
            {
                errors.Add(SheetErrors.OutOfRange(field, 0, criterion.Max));
            }
            else if (points * 2 != decimal.Truncate(points * 2))
            {
                errors.Add(SheetErrors.Step(field));
            }
        }

        foreach (var key in sheet.Criteria.Keys.Where(key => pack.FindCriterion(key) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(SheetErrors.UnknownCriterion($"criteria.{key}"));
        }
    }

    private static void CheckFacts(MeetingFacts facts, List<FieldError> errors)
    {
        if (facts.MembersTotal < 1)
        {
            errors.Add(SheetErrors.OutOfRange("facts.membersTotal", 1, int.MaxValue));
            return;
        }

        if (facts.MembersExempt < 0 || facts.MembersExempt > facts.MembersTotal)
        {
            errors.Add(SheetErrors.OutOfRange("facts.membersExempt", 0, facts.MembersTotal));
        }
        else if (facts.MembersExpected < 1)
        {
            errors.Add(SheetErrors.NoneExpected("facts.membersExempt"));
        }
        else if (facts.MembersPresent < 0 || facts.MembersPresent > facts.MembersExpected)
        {
            errors.Add(SheetErrors.OutOfRange("facts.membersPresent", 0, facts.MembersExpected));
        }
        else if (facts.UnexcusedAbsent < 0 || facts.UnexcusedAbsent > facts.MembersExpected - facts.MembersPresent)
        {
            errors.Add(SheetErrors.OutOfRange("facts.unexcusedAbsent", 0, facts.MembersExpected - facts.MembersPresent));
        }

        if (facts.DurationMinutes < 0)
        {
            errors.Add(SheetErrors.OutOfRange("facts.durationMinutes", 0, int.MaxValue));
        }
    }
}
