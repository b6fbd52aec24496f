using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// A seam for one test: the real score store, except that reading one committee's year fails while <see cref="Failing"/>.
/// Every instance of the app in the test shares one <see cref="FailureSwitch"/>, as they share the storage it stands for.
/// </summary>
internal sealed class FailingShardScoreStore(IScoreStore inner, string failingSuperiorId, FailureSwitch failure) : IScoreStore
{
    public bool Failing
    {
        get => failure.On;
        set => failure.On = value;
    }

    public Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        Failing && superiorId == failingSuperiorId
            ? throw new TimeoutException($"storage timed out reading {superiorId} (injected)")
            : inner.GetYearBandsAsync(superiorId, year, cancellationToken);

    public Task<IReadOnlyList<ScoreRecord>> GetYearAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        inner.GetYearAsync(superiorId, year, cancellationToken);

    public Task<StoredScore?> GetAsync(string superiorId, string unitId, ScorePeriod period, CancellationToken cancellationToken) =>
        inner.GetAsync(superiorId, unitId, period, cancellationToken);

    public Task<ScoreWrite> TryAddAsync(ScoreRecord score, CancellationToken cancellationToken) => inner.TryAddAsync(score, cancellationToken);

    public Task<ScoreWrite> TryReplaceAsync(ScoreRecord score, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(score, etag, cancellationToken);

    public Task<IReadOnlyList<ScoreRecord>> GetMonthAsync(string superiorId, ScorePeriod period, CancellationToken cancellationToken) =>
        inner.GetMonthAsync(superiorId, period, cancellationToken);
}

/// <summary>Whether the injected failure is on: one per test, shared by every app instance.</summary>
internal sealed class FailureSwitch
{
    public bool On { get; set; } = true;
}
