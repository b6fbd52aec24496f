namespace PartyFunctions.Notifications;

/// <summary>
/// The one way a run posts email: its lines become one digest per recipient in the run (<see cref="DigestId.For"/>),
/// each added to the outbox (a digest that exists stays as it is: a repeated run writes nothing new) and then
/// scheduled, even when it existed: a crash between the two must not lose the email, and <see cref="SendDigest"/>
/// sends a digest once however often it is queued.
/// </summary>
public sealed class DigestPoster(IOutbox outbox, IDigestScheduler scheduler)
{
    /// <summary>
    /// Posts one digest per recipient of <paramref name="lines"/> (addresses compared without case); returns how many.
    /// <paramref name="keyedByContent"/>: each recipient's digest id also names what its lines are about (kind, unit,
    /// rule, period, level; not their links, which are signed afresh), for a run that may be done again with more lines
    /// for some people: a repeat with the same lines writes the same digests (sent once), and a recipient whose lines
    /// changed gets a new digest, so no line is lost and nobody else hears again.
    /// </summary>
    public async Task<int> PostAsync(string runId, IEnumerable<DigestLine> lines, DateTimeOffset now, CancellationToken cancellationToken, bool keyedByContent = false)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var digests = lines.GroupBy(l => l.To.Email.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(recipient => new Digest(
                DigestId.For(keyedByContent ? $"{runId}-{ContentKey(recipient.Select(l => l.Item))}" : runId, recipient.Key),
                recipient.First().To with { Email = recipient.Key }, Digest.Vietnamese, now, [.. recipient.Select(l => l.Item)]))
            .ToList();
        // Each digest is its own outbox row and message: posted side by side, so a run waits for a few round trips per
        // sixteen recipients, not two per recipient.
        await Parallel.ForEachAsync(digests, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (digest, ct) => await PostAsync(digest, ct));
        return digests.Count;
    }

    /// <summary>What a recipient's lines are about, in any order: 12 hex characters of a SHA-256.</summary>
    public static string ContentKey(IEnumerable<DigestItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var about = items.Select(i => string.Join('|', i.Kind, i.UnitId, i.Rule, i.Period, i.Level)).Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', about))))[..12];
    }

    /// <summary>Posts one digest whose id the caller made (one per day, one per failed digest); true when it was new.</summary>
    public async Task<bool> PostAsync(Digest digest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var added = await outbox.AddAsync(digest, cancellationToken);
        await scheduler.ScheduleAsync(DigestMessage.For(digest.Id), TimeSpan.Zero, cancellationToken);
        return added;
    }
}

/// <summary>One line of a run's email to one person.</summary>
public sealed record DigestLine(Recipient To, DigestItem Item);
