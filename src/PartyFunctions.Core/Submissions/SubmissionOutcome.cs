using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

public enum SubmissionStatus
{
    /// <summary>A first submission or an amendment was stored.</summary>
    Recorded,

    /// <summary>The same receipt again: nothing new was stored; the stored score is answered (and announced again).</summary>
    Replayed,

    Invalid,
    Unauthenticated,

    /// <summary>The client typed too many wrong codes lately; nothing was checked (docs/security.md).</summary>
    Throttled,

    /// <summary>The amendment window has closed.</summary>
    Closed,

    /// <summary>Someone else wrote first, the superior confirmed, or the receipt was used for other content.</summary>
    Conflict,
}

/// <summary>What a submission came to: the recorded score and its event, or every error (field-specific where possible).</summary>
public sealed record SubmissionOutcome(SubmissionStatus Status, IReadOnlyList<FieldError> Errors, RecordedScore? Recorded = null)
{
    public bool Succeeded => Recorded is not null;

    public static SubmissionOutcome Fail(SubmissionStatus status, params FieldError[] errors) => new(status, errors);

    /// <summary>
    /// The receipt the form sends next time: the one sent, so that sending it again is harmless, unless it cannot be
    /// used again (reused for other content, or malformed), when a fresh one makes the corrected form work.
    /// </summary>
    public string ReceiptToResend(string? sent) =>
        Errors.Any(e => e.Code is "receipt-reused" or "receipt-id") || string.IsNullOrEmpty(sent) ? ReceiptId.New() : sent;
}

/// <summary>A stored score, the policy engine's explanation of it (reasons in both languages), and the event to enqueue.</summary>
public sealed record RecordedScore(ScoreRecord Score, MonthlyScore Result, ScoreRecorded Event, bool FirstVersion)
{
    /// <summary>The cell's name as registered, for the receipt.</summary>
    public string UnitName { get; init; } = string.Empty;
}
