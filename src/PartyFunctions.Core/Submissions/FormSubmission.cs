using System.Globalization;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// The HTML form's fields, named as the sheet's errors name them (<c>criteria.preparation</c>, <c>facts.membersTotal</c>)
/// so that every error lands next to its input. Points accept a decimal comma ("12,5") as Vietnamese users type it.
/// </summary>
public sealed record FormSubmission(IReadOnlyDictionary<string, string?> Fields, string ClientIpHash)
    : SubmissionInput(Get(Fields, "unitId")?.Trim().ToUpperInvariant(), Get(Fields, "accessCode"), Get(Fields, "receiptId")?.Trim(), Get(Fields, "period")?.Trim(), ClientIpHash)
{
    public const string CriteriaPrefix = "criteria.";
    public const string FactsPrefix = "facts.";
    private const int MaxNumberLength = 12;

    public override string ContentType => "application/x-www-form-urlencoded";

    public override string ArchiveBody => string.Join('&', Fields
        .Where(f => f.Key != "accessCode")
        .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value ?? string.Empty)}"));

    public override (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors) ReadSheet(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var errors = new List<FieldError>();
        var criteria = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (name, value) in Fields.Where(f => f.Key.StartsWith(CriteriaPrefix, StringComparison.Ordinal)))
        {
            // A criterion left empty is simply absent: the validator then says it is required (unless not held).
            if (!string.IsNullOrWhiteSpace(value))
            {
                if (FormNumber.TryParse(value, out var points))
                {
                    criteria[name[CriteriaPrefix.Length..]] = points;
                }
                else
                {
                    errors.Add(SubmissionErrors.Number(name));
                }
            }
        }

        var facts = new MeetingFacts(
            YesNo("held", required: true, errors),
            YesNo("combined", required: false, errors),
            Integer("membersTotal", errors),
            Integer("membersExempt", errors),
            Integer("membersPresent", errors),
            Integer("unexcusedAbsent", errors),
            Integer("durationMinutes", errors),
            YesNo("memberDisciplined", required: false, errors));
        var sheet = new ScoreSheet(Period ?? string.Empty, criteria, facts);
        // The validator's view of a field that could not even be read would only repeat the problem.
        var failed = errors.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(SheetValidator.Validate(pack, sheet).Where(e => !failed.Contains(e.Field)));
        return errors.Count == 0 ? (sheet, errors) : (null, errors);
    }

    private bool YesNo(string name, bool required, List<FieldError> errors)
    {
        var value = Get(Fields, FactsPrefix + name)?.Trim().ToLowerInvariant();
        switch (value)
        {
            case "true" or "on" or "yes" or "1":
                return true;
            case "false" or "no" or "0":
                return false;
            case null or "":
                // An unticked checkbox sends nothing: that is "no". A yes/no question must be answered.
                if (required)
                {
                    errors.Add(SubmissionErrors.Required(FactsPrefix + name));
                }

                return false;
            default:
                errors.Add(SubmissionErrors.YesNo(FactsPrefix + name));
                return false;
        }
    }

    private int Integer(string name, List<FieldError> errors)
    {
        var value = Get(Fields, FactsPrefix + name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(SubmissionErrors.Required(FactsPrefix + name));
            return 0;
        }

        if (value.Length <= MaxNumberLength && int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(SubmissionErrors.WholeNumber(FactsPrefix + name));
        return 0;
    }

    private static string? Get(IReadOnlyDictionary<string, string?> fields, string name) =>
        fields.TryGetValue(name, out var value) ? value : null;
}
