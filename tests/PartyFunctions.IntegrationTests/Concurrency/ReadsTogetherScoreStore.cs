using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>
/// The real score store, except that while its <see cref="ReadGate"/> is armed each read of one month waits for the other
/// racers' reads: every request of the race then holds the same version before any writes, the moment two devices
/// really do meet, instead of whichever the scheduler happened to produce.
/// </summary>
internal sealed class ReadsTogetherScoreStore(IScoreStore inner, ReadGate gate) : IScoreStore
{
    public async Task<StoredScore?> GetAsync(string superiorId, string unitId, ScorePeriod period, CancellationToken cancellationToken)
    {
        var stored = await inner.GetAsync(superiorId, unitId, period, cancellationToken);
        await gate.ArriveAsync();
        return stored;
    }

    /// <summary>An insert refused because the month has a score answers with the score it read: that read waits too.</summary>
    public async Task<ScoreWrite> TryAddAsync(ScoreRecord score, CancellationToken cancellationToken)
    {
        var write = await inner.TryAddAsync(score, cancellationToken);
        if (!write.Written)
        {
            await gate.ArriveAsync();
        }

        return write;
    }

    public Task<ScoreWrite> TryReplaceAsync(ScoreRecord score, string etag, CancellationToken cancellationToken) =>
        inner.TryReplaceAsync(score, etag, cancellationToken);

    public Task<IReadOnlyList<ScoreRecord>> GetMonthAsync(string superiorId, ScorePeriod period, CancellationToken cancellationToken) =>
        inner.GetMonthAsync(superiorId, period, cancellationToken);

    public Task<IReadOnlyList<ScoreRecord>> GetYearAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        inner.GetYearAsync(superiorId, year, cancellationToken);

    public Task<IReadOnlyList<MonthBand>> GetYearBandsAsync(string superiorId, int year, CancellationToken cancellationToken) =>
        inner.GetYearBandsAsync(superiorId, year, cancellationToken);
}

/// <summary>Shared by every instance in a test: once armed for N racers, the first N reads wait for each other (at most 10 s).</summary>
internal sealed class ReadGate
{
    private readonly Lock sync = new();
    private TaskCompletionSource? all;
    private int waiting;

    public void Arm(int racers)
    {
        lock (sync)
        {
            all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting = racers;
        }
    }

    public Task ArriveAsync()
    {
        lock (sync)
        {
            if (all is not { } armed)
            {
                return Task.CompletedTask;
            }

            if (--waiting == 0)
            {
                all = null;
                armed.SetResult();
            }

            return armed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}
