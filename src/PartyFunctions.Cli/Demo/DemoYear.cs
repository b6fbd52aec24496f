using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.AnnualRun;
using PartyFunctions.Configuration;
using PartyFunctions.Deadlines;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// Plays a year for a made-up province through the use cases the functions call, with the clock set forward: each
/// month's submissions (some late, some missing), reminders, cut-off, confirmations, escalation runs with some
/// acknowledgements, the annual run with its shards drained in-process, and every digest sent through SendDigest.
/// Everything random comes from one seeded generator used in a fixed order, so the same seed plays the same year.
/// </summary>
public sealed class DemoYear(IServiceProvider services, DemoClock clock, int year, Random random)
{
    private const int Parallelism = 8;
    private const int DemoIterations = 1_000;
    private static readonly int[] EscalationDays = [9, 10, 16, 23, 28];
    private static readonly int[] Days = [.. new[] { 1, 2, 3, 5, 7, 9, 10, 12 }.Concat(EscalationDays).Distinct().Order()];
    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);

    private int emailsSent;

    public int EmailsSent => emailsSent;

    public async Task<DemoProvince> PlayAsync(int cells, CancellationToken cancellationToken)
    {
        clock.At(new DateOnly(year, 1, 2), 8);
        var province = DemoProvince.Create(cells, year, random);
        var import = await Get<ImportUnits>().RunAsync(province.Csv, false, cancellationToken);
        if (import.Errors.Count > 0)
        {
            throw new InvalidOperationException("The demo province does not import: " + string.Join("; ", import.Errors.Select(e => e.Message)));
        }

        await IssueCodesAsync(DemoProvince.Id, cancellationToken);
        for (var month = 1; month <= 11; month++)
        {
            await PlayMonthAsync(province, new ScorePeriod(year, month), cancellationToken);
        }

        clock.At(new DateOnly(year, 12, 15), 2);
        await Get<StartClassificationRun>().RunAsync(year, throughMonth: null, resume: false, cancellationToken);
        await DrainAsync<ShardMessage>(StorageNames.ClassificationShardsQueue, (m, ct) => Get<ClassifyShard>().RunAsync(m, ct), cancellationToken);
        await DeliverDigestsAsync(cancellationToken);
        return province;
    }

    private async Task PlayMonthAsync(DemoProvince province, ScorePeriod period, CancellationToken cancellationToken)
    {
        var next = period.FirstDay.AddMonths(1);
        var active = province.Cells.Where(c => c.ActiveFrom <= period.FirstDay.AddMonths(1).AddDays(-1)).ToList();
        // Draw every cell's month first, in registry order: the plan, not the timing of the tasks, decides the year.
        var plan = active.Select(c => (Cell: c, Band: DemoSheet.Draw(c, random), Roll: random.NextDouble(), Seed: random.Next())).ToList();
        int DayOf((CellProfile Cell, Band Band, double Roll, int Seed) p) =>
            p.Roll < p.Cell.Missing ? 0
            : p.Roll < p.Cell.Missing + p.Cell.Late * 0.3 ? 12
            : p.Roll < p.Cell.Missing + p.Cell.Late ? 7
            : 1 + (p.Seed % 3) * 2;
        var byDay = plan.ToLookup(DayOf);
        foreach (var newcomer in active.Where(c => !codes.ContainsKey(c.Id)))
        {
            clock.At(next, 7);
            await IssueCodesAsync(newcomer.Id, cancellationToken);
        }

        var recorded = new List<ScoreRecord>();
        foreach (var day in Days)
        {
            var date = next.AddDays(day - 1);
            if (day is 2 or 5)
            {
                clock.At(date, 8);
                await Get<SendReminders>().RunAsync(cancellationToken);
                await DeliverDigestsAsync(cancellationToken);
            }

            if (day == 9)
            {
                clock.At(date, 0, 5);
                await Get<RunCutoff>().RunAsync(cancellationToken);
            }

            if (EscalationDays.Contains(day))
            {
                clock.At(date, 8);
                await Get<RunEscalation>().RunAsync(cancellationToken);
                await DeliverDigestsAsync(cancellationToken);
                await AcknowledgeSomeAsync(cancellationToken);
            }

            if (day == 10)
            {
                clock.At(date, 9);
                await ConfirmSomeAsync(recorded, cancellationToken);
            }

            clock.At(date, 14);
            recorded.AddRange(await SubmitAsync(byDay[day], period, cancellationToken));
        }
    }

    /// <summary>
    /// Issues the codes as <c>party codes issue</c> does, then stores them again hashed with
    /// <see cref="DemoIterations"/>: a hash carries its iteration count, so sign-in checks them exactly as in production,
    /// only fast enough for a demo of thousands of submissions on a laptop.
    /// </summary>
    private async Task IssueCodesAsync(string unitId, CancellationToken cancellationToken)
    {
        var issued = new List<IssuedAccessCode>();
        await Get<IssueAccessCodes>().RunAsync(unitId, allUnder: true, batch =>
        {
            issued.AddRange(batch);
            return Task.CompletedTask;
        }, cancellationToken);
        await Get<IAccessCodeStore>().SaveCodesAsync(
            [.. issued.Select(i => (i.Cell.Id, AccessCodeHash.Create(i.Code, i.IssuedAt, DemoIterations)))], cancellationToken);
        foreach (var code in issued)
        {
            codes[code.Cell.Id] = code.Code;
        }
    }

    private async Task<IReadOnlyList<ScoreRecord>> SubmitAsync(
        IEnumerable<(CellProfile Cell, Band Band, double Roll, int Seed)> batch, ScorePeriod period, CancellationToken cancellationToken)
    {
        var stored = new ConcurrentBag<ScoreRecord>();
        await Parallel.ForEachAsync(batch, Options(cancellationToken), async (p, ct) =>
        {
            var json = DemoSheet.Json(p.Cell.Id, codes[p.Cell.Id], DemoSheet.Receipt(p.Cell, period.ToString(), 1), period.ToString(), p.Band, new Random(p.Seed));
            var outcome = await Get<SubmitScore>().RunAsync(JsonSubmission.Parse(json, "demo"), ct);
            var recorded = outcome.Recorded ?? throw new InvalidOperationException(
                $"{p.Cell.Id} {period}: {outcome.Status} {string.Join("; ", outcome.Errors.Select(e => e.En))}");
            await Get<ApplyScoreRecorded>().RunAsync(recorded.Event, ct);
            stored.Add(recorded.Score);
        });
        return [.. stored];
    }

    /// <summary>The assigned members confirm about half of the month's scores; one in five of those is corrected down.</summary>
    private async Task ConfirmSomeAsync(IEnumerable<ScoreRecord> scores, CancellationToken cancellationToken)
    {
        var chosen = scores.OrderBy(s => s.UnitId, StringComparer.Ordinal)
            .Select(s => (Score: s, Confirm: random.NextDouble() < 0.5, Correct: random.NextDouble() < 0.2))
            .Where(c => c.Confirm).ToList();
        await Parallel.ForEachAsync(chosen, Options(cancellationToken), async (choice, ct) =>
        {
            var score = choice.Score;
            var correct = choice.Correct && score.Criteria.GetValueOrDefault("results") >= 2;
            var points = score.Criteria.ToDictionary(
                c => c.Key, c => (string?)(c.Key == "results" && correct ? c.Value - 2 : c.Value).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
            var link = Get<LinkSigner>().Sign(new SignedLink(ConfirmScore.Action, score.SuperiorId, clock.GetUtcNow().AddDays(30)));
            var outcome = await Get<ConfirmScore>().RunAsync(new ConfirmationInput(link, score.UnitId, score.Period.ToString(), points,
                correct ? "Kết quả thực hiện nghị quyết chưa đạt như báo cáo." : null, "Ủy viên phụ trách",
                score.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), $"DEMO-CONF-{score.UnitId.Replace('.', '-')}-{score.Period}", "demo"), ct);
            if (outcome.Event is { } recorded)
            {
                await Get<ApplyScoreRecorded>().RunAsync(recorded, ct);
            }
        });
    }

    /// <summary>About a third of the open, unacknowledged alerts are acknowledged through their link, as a reader would.</summary>
    private async Task AcknowledgeSomeAsync(CancellationToken cancellationToken)
    {
        var open = (await Get<IAlertStore>().GetActiveAsync(cancellationToken))
            .Select(s => s.Alert).Where(a => a.State == AlertState.Open && a.StepsTaken > 0)
            .OrderBy(a => a.Key.ToString(), StringComparer.Ordinal).ToList();
        var chosen = open.Where(_ => random.NextDouble() < 0.35).ToList();
        await Parallel.ForEachAsync(chosen, Options(cancellationToken), async (alert, ct) =>
        {
            var url = Get<AlertLinks>().Acknowledge(alert.Key, alert.StepsTaken, clock.GetUtcNow());
            var token = Uri.UnescapeDataString(url[(url.IndexOf("link=", StringComparison.Ordinal) + 5)..]);
            await Get<AcknowledgeAlert>().AcknowledgeAsync(token, ct);
        });
    }

    private Task DeliverDigestsAsync(CancellationToken cancellationToken) =>
        DrainAsync<DigestMessage>(StorageNames.DigestsQueue, async (m, ct) =>
        {
            if (await Get<SendDigest>().RunAsync(m, ct) == SendDigestResult.Sent)
            {
                Interlocked.Increment(ref emailsSent);
            }
        }, cancellationToken);

    /// <summary>Receives a queue's messages (base64 JSON, as the host) and hands them to their use case, a few at a time as the host does.</summary>
    private async Task DrainAsync<T>(string queueName, Func<T, CancellationToken, Task> handle, CancellationToken cancellationToken)
    {
        var queue = Get<StorageClients>().Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                return;
            }

            await Parallel.ForEachAsync(messages, Options(cancellationToken), async (message, ct) =>
            {
                var body = JsonSerializer.Deserialize<T>(message.Body.ToString(), Json)
                    ?? throw new InvalidOperationException($"Empty message on {queueName}.");
                await handle(body, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            });
        }
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();
}
