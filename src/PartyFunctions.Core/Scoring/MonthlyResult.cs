namespace PartyFunctions.Scoring;

/// <summary>Either a score or every problem found in the sheet (never both).</summary>
public sealed record MonthlyResult(MonthlyScore? Score, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Score is not null;
}
