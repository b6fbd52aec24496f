using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Submissions;
using PartyFunctions.Telemetry;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: start the year's classification run, once. It records the run and one pending shard per grassroots
/// committee active in the year, then puts one message per shard on the queue; the workers classify in parallel and
/// no invocation ever handles the whole deployment. The timer starts a run only if none exists; an administrator's
/// resume re-sends every shard not done (pending or failed), which the idempotent workers allow.
/// </summary>
public sealed class StartClassificationRun(
    IUnitStore units, IClassificationRunStore runs, IShardDispatcher dispatcher, PolicyCatalog catalog, PartyMetrics metrics, TimeProvider clock)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public async Task<RunStart> RunAsync(int year, int? throughMonth, bool resume, CancellationToken cancellationToken)
    {
        if (year is < FirstYear or > LastYear || throughMonth is < 1 or > 12)
        {
            return RunStart.Invalid(new LocalizedText(
                $"Năm phải từ {FirstYear} đến {LastYear} và tháng (through) từ 1 đến 12.", $"The year must be {FirstYear}-{LastYear} and the month (through) 1-12."));
        }

        var now = clock.GetUtcNow();
        var through = throughMonth ?? LastCutOffMonth(year, now);
        if (through is < 1 or > 12)
        {
            return RunStart.Refused(new LocalizedText($"Chưa có tháng nào của năm {year} qua hạn chốt; chưa thể xếp loại", $"No month of {year} is cut off yet."));
        }

        var runId = ClassificationRun.IdFor(year);
        var existing = await runs.GetRunAsync(runId, cancellationToken);
        if (existing is not null && !resume)
        {
            return RunStart.Existing(existing.Run);
        }

        IReadOnlyList<Unit>? registry = null;
        if (existing is null)
        {
            var pack = catalog.InForceForMonth(year, through)
                ?? throw new InvalidOperationException($"No policy pack is in force for {year}-{through:00}.");
            registry = await units.GetAllAsync(cancellationToken);
            var shards = registry
                .Where(u => u.Kind == UnitKind.Grassroots && ActiveDuring(u, year))
                .Select(u => u.Id)
                .Order(StringComparer.Ordinal)
                .ToList();
            // Shards first: a start interrupted after them is completed by the next start, never left without shards.
            await runs.AddShardsAsync(runId, shards, cancellationToken);
            var (stored, created) = await runs.AddRunAsync(new ClassificationRun(runId, year, through, pack.Id, shards.Count, now), cancellationToken);
            if (created)
            {
                // Insert-only: of two starts at once, the one that created the run counts its shards (the pending-shards alert compares).
                metrics.ShardsQueued(runId, shards.Count);
            }

            if (!created && !resume)
            {
                return RunStart.Existing(stored.Run);
            }

            existing = stored;
        }

        // A resume sends again every shard not done; a failed one is pending again until a worker finishes it.
        var notDone = (await runs.GetShardsAsync(runId, cancellationToken)).Where(s => s.Status != ShardStatus.Done).ToList();
        foreach (var failed in notDone.Where(s => s.Status == ShardStatus.Failed))
        {
            await runs.SetShardAsync(failed with { Status = ShardStatus.Pending, Error = null }, cancellationToken);
        }

        registry ??= notDone.Count > 0 ? await units.GetAllAsync(cancellationToken) : [];
        var message = Messages(registry, runId, year);
        var toSend = notDone.Select(s => message(s.SuperiorId)).ToList();
        await dispatcher.DispatchAsync(toSend, cancellationToken);
        return RunStart.Dispatched(existing.Run, toSend.Count);
    }

    /// <summary>The last month of <paramref name="year"/> whose cut-off has passed at <paramref name="now"/> (0 when none).</summary>
    public static int LastCutOffMonth(int year, DateTimeOffset now) =>
        Enumerable.Range(1, 12).LastOrDefault(m => ReportingCalendar.IsCutOff(new ScorePeriod(year, m), now));

    /// <summary>
    /// The shard message of each committee as the start sends it: with the committee's path and its cells active in the
    /// year, from the registry the start holds, so the shard need not read them. Addresses stay out of the queue: the
    /// shard needs names and dates, and a message can end in the poison queue.
    /// </summary>
    public static Func<string, ShardMessage> Messages(IReadOnlyCollection<Unit> registry, string runId, int year)
    {
        var byId = registry.ToDictionary(u => u.Id, StringComparer.Ordinal);
        // The cells the shard classifies (any that began by the year's end), and of them those active in it for the count.
        var cells = registry.Where(u => u.Kind == UnitKind.Cell && u.ParentId is not null && u.ActiveFrom <= new DateOnly(year, 12, 31))
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToLookup(u => u.ParentId!, StringComparer.Ordinal);
        return superiorId =>
        {
            var superior = byId.GetValueOrDefault(superiorId);
            var own = cells[superiorId].ToList();
            return new ShardMessage(runId, year, superiorId, superior?.Path, own.Count(u => ActiveDuring(u, year)),
                superior is null ? null : [.. own.Prepend(superior).Select(WithoutContacts)]);
        };
    }

    private static Unit WithoutContacts(Unit unit) =>
        unit with { SecretaryEmail = null, OfficeEmail = null, AssignedMemberName = null, AssignedMemberEmail = null };

    private static bool ActiveDuring(Unit unit, int year) =>
        unit.ActiveFrom <= new DateOnly(year, 12, 31) && (unit.ActiveTo is not { } to || to >= new DateOnly(year, 1, 1));
}

/// <summary>What a start did: refused as invalid or not yet possible (with a message for a person), found the run already there, or sent shards.</summary>
public sealed record RunStart(ClassificationRun? Run, int ShardsDispatched, LocalizedText? Refusal, bool InvalidRequest = false)
{
    /// <summary>The year or month asked for is out of range: the request itself is wrong, nothing was looked up.</summary>
    public static RunStart Invalid(LocalizedText message) => new(null, 0, message, InvalidRequest: true);

    public static RunStart Refused(LocalizedText message) => new(null, 0, message);

    public static RunStart Existing(ClassificationRun run) => new(run, 0, null);

    public static RunStart Dispatched(ClassificationRun run, int shards) => new(run, shards, null);
}
