namespace PartyFunctions.IntegrationTests.Reliability;

/// <summary>One request of the load: where it went, what came back, and how long the client waited.</summary>
public sealed record LoadSubmission(string Cell, string Period, string Channel, int Status, string? ReceiptId, double Milliseconds, string? Failure);

/// <summary>
/// What the load did and what storage holds afterwards, counted in storage rather than from the responses: the
/// archived blob names, each stored month's receipt and version, and the messages on <c>score-events</c>.
/// </summary>
public sealed record LoadResult(
    IReadOnlyList<LoadSubmission> Submissions,
    TimeSpan Elapsed,
    IReadOnlySet<string> ArchivedReceipts,
    int ArchivedBlobs,
    IReadOnlyDictionary<(string Cell, string Period), (string ReceiptId, int Version)> Stored,
    int ScoreEvents)
{
    public IReadOnlyList<LoadSubmission> Accepted => [.. Submissions.Where(s => s.Status is >= 200 and < 300)];

    public int ServerErrors => Submissions.Count(s => s.Status >= 500);

    /// <summary>Every accepted submission is one version of its month: the versions add up to the accepted count.</summary>
    public int StoredVersions => Stored.Values.Sum(v => v.Version);

    /// <summary>The receipt of each month's last accepted submission, in the order the cell sent them.</summary>
    public IReadOnlyDictionary<(string Cell, string Period), string> LastAcceptedReceipts =>
        Accepted.GroupBy(s => (s.Cell, s.Period)).ToDictionary(g => g.Key, g => g.Last().ReceiptId ?? string.Empty);

    public double Percentile(double q)
    {
        var times = Submissions.Select(s => s.Milliseconds).Order().ToList();
        return times.Count == 0 ? 0 : times[Math.Max(0, (int)Math.Ceiling(q * times.Count) - 1)];
    }
}
