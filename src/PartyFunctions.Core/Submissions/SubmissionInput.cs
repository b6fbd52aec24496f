using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// A cell's submission as received, before any check: who (unit id and access code), the receipt id if the client
/// sent one, the month, and the sheet, which can only be read once the month's pack is known. <see cref="ArchiveBody"/>
/// is the request as it will be archived: as received but without the access code.
/// </summary>
public abstract record SubmissionInput(string? UnitId, string? AccessCode, string? ReceiptId, string? Period, string ClientIpHash)
{
    /// <summary>Errors found while reading the envelope itself (e.g. malformed JSON); nothing else is checked then.</summary>
    public IReadOnlyList<FieldError> EnvelopeErrors { get; init; } = [];

    public abstract string ContentType { get; }

    public abstract string ArchiveBody { get; }

    public abstract (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors) ReadSheet(PolicyPack pack);
}
