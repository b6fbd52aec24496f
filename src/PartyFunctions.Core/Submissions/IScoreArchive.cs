namespace PartyFunctions.Submissions;

/// <summary>
/// Port: the append-only archive of every accepted request, keyed by receipt: a submission's raw body before its
/// score is written, a confirmation's before/after. An entry is never overwritten, which makes the receipt an
/// idempotency key: appending a receipt that exists answers the time it was first archived.
/// </summary>
public interface IScoreArchive
{
    Task<ArchiveWrite> AppendAsync(ArchiveEntry entry, CancellationToken cancellationToken);

    /// <summary>Every entry of one cell (of one month when <paramref name="period"/> is given), both kinds, in no particular order.</summary>
    Task<IReadOnlyList<ArchiveEntry>> ReadAsync(string unitId, ScorePeriod? period, CancellationToken cancellationToken);
}

/// <summary>
/// One archived request: <paramref name="Kind"/> is "submission" or "confirmation"; <paramref name="Body"/> the raw
/// form fields or JSON as received (the access code removed), <paramref name="ClientIpHash"/> a hash, never the address.
/// </summary>
public sealed record ArchiveEntry(
    string Kind, string UnitId, ScorePeriod Period, string ReceiptId, DateTimeOffset ReceivedAt, string ClientIpHash,
    string ContentType, string Body);

/// <summary>Whether this call created the entry, and when the entry with that receipt was first archived.</summary>
public sealed record ArchiveWrite(bool Created, DateTimeOffset ArchivedAt);
