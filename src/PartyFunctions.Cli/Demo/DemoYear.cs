using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.LocalRunner;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// Plays a year for a made-up province through the Function App's own functions, run in-process by the local runner on
/// several instances with queues at the host's concurrency, and the clock set forward: each month's JSON submissions
/// (<c>POST /api/scores</c>, some late, some missing), the reminder, cut-off and escalation timers, confirmations
/// (<c>POST /api/confirm</c>) and acknowledgements (<c>POST /api/alerts/acknowledge</c>) through their signed links, the
/// annual classification timer with its shards, then the weak cells' remediation plans (<see cref="DemoRemediation"/>),
/// and every queue drained by all instances at once. Only what an administrator does with <c>party</c> (importing
/// units, issuing codes) calls the use cases directly.
/// Everything random comes from one seeded generator used in a fixed order, so the same seed plays the same year.
/// </summary>
public sealed class DemoYear(IReadOnlyList<FunctionHost> instances, DemoClock clock, int year, Random random)
{
    private const int Parallelism = 8;
    private const int DemoIterations = 1_000;
    // The 1st and the 17th too: the attendance duty's lines go out 14 days before a quarter ends and on the day after.
    private static readonly int[] EscalationDays = [1, 9, 10, 16, 17, 23, 28];
    private static readonly int[] Days = [.. new[] { 1, 2, 3, 5, 7, 9, 10, 12 }.Concat(EscalationDays).Distinct().Order()];
    private static readonly string[] Queues =
        [StorageNames.ScoreEventsQueue, StorageNames.ClassificationShardsQueue, StorageNames.DigestsQueue, StorageNames.DigestsPoisonQueue];

    private readonly ConcurrentDictionary<string, string> codes = new(StringComparer.Ordinal);
    private int requests;

    private FunctionHost App => instances[0];

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
        await App.RunTimerAsync(Timers.AnnualClassification, cancellationToken: cancellationToken);
        await DrainAsync(cancellationToken);
        await new DemoRemediation(this, clock, year, random).PlayAsync(province, cancellationToken);
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
                await TimerAsync(Timers.Reminders, cancellationToken);
            }

            if (day == 9)
            {
                clock.At(date, 0, 5);
                await TimerAsync(Timers.Cutoff, cancellationToken);
            }

            if (EscalationDays.Contains(day))
            {
                clock.At(date, 8);
                await TimerAsync(Timers.Escalation, cancellationToken);
                await AcknowledgeSomeAsync(cancellationToken);
            }

            if (day == 10)
            {
                clock.At(date, 8, 30);
                await new DemoAttendance(this).AttendSomeAsync(recorded, period, clock.GetUtcNow(), cancellationToken);
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
        await Parallel.ForEachAsync(batch, Options(cancellationToken), async (p, ct) =>
        {
            var json = DemoSheet.Json(p.Cell.Id, codes[p.Cell.Id], DemoSheet.Receipt(p.Cell, period.ToString(), 1), period.ToString(), p.Band, new Random(p.Seed));
            await SendAsync(HttpMethod.Post, "/api/scores", new StringContent(json, Encoding.UTF8, "application/json"), $"{p.Cell.Id} {period}", ct);
        });
        await DrainAsync(cancellationToken);
        var stored = new List<ScoreRecord>();
        foreach (var cell in batch)
        {
            if (await Get<IScoreStore>().GetAsync(cell.Cell.SuperiorId, cell.Cell.Id, period, cancellationToken) is { } score)
            {
                stored.Add(score.Record);
            }
        }

        return stored;
    }

    /// <summary>The assigned members confirm about half of the month's scores through their signed links; one in five of those is corrected down.</summary>
    private async Task ConfirmSomeAsync(IEnumerable<ScoreRecord> scores, CancellationToken cancellationToken)
    {
        var chosen = scores.OrderBy(s => s.UnitId, StringComparer.Ordinal)
            .Select(s => (Score: s, Confirm: random.NextDouble() < 0.5, Correct: random.NextDouble() < 0.2))
            .Where(c => c.Confirm).ToList();
        await Parallel.ForEachAsync(chosen, Options(cancellationToken), async (choice, ct) =>
        {
            var score = choice.Score;
            var correct = choice.Correct && score.Criteria.GetValueOrDefault("results") >= 2;
            var form = score.Criteria.ToDictionary(
                c => FormSubmission.CriteriaPrefix + c.Key,
                c => (c.Key == "results" && correct ? c.Value - 2 : c.Value).ToString(CultureInfo.InvariantCulture),
                StringComparer.Ordinal);
            form["link"] = Get<LinkSigner>().Sign(new SignedLink(ConfirmScore.Action, score.SuperiorId, clock.GetUtcNow().AddDays(30)));
            form["version"] = score.Version.ToString(CultureInfo.InvariantCulture);
            form["confirmerName"] = "Ủy viên phụ trách";
            form["receiptId"] = $"DEMO-CONF-{score.UnitId.Replace('.', '-')}-{score.Period}";
            if (correct)
            {
                form["reason"] = "Kết quả thực hiện nghị quyết chưa đạt như báo cáo.";
            }

            await SendAsync(HttpMethod.Post, $"/api/confirm/{Uri.EscapeDataString(score.UnitId)}/{score.Period}",
                new FormUrlEncodedContent(form), $"confirm {score.UnitId} {score.Period}", ct);
        });
        await DrainAsync(cancellationToken);
    }

    /// <summary>About a third of the open, notified alerts are acknowledged through the link of their email, as a reader would.</summary>
    internal async Task AcknowledgeSomeAsync(CancellationToken cancellationToken)
    {
        var open = (await Get<IAlertStore>().GetActiveAsync(cancellationToken))
            .Select(s => s.Alert).Where(a => a.State == AlertState.Open && a.StepsTaken > 0)
            .OrderBy(a => a.Key.ToString(), StringComparer.Ordinal).ToList();
        var chosen = open.Where(_ => random.NextDouble() < 0.35).ToList();
        await Parallel.ForEachAsync(chosen, Options(cancellationToken), async (alert, ct) =>
        {
            var url = Get<AlertLinks>().Acknowledge(alert.Key, alert.StepsTaken, clock.GetUtcNow());
            var token = Uri.UnescapeDataString(url[(url.IndexOf("link=", StringComparison.Ordinal) + 5)..]);
            await SendAsync(HttpMethod.Post, "/api/alerts/acknowledge",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["link"] = token }), $"acknowledge {alert.Key}", ct);
        });
    }

    internal async Task TimerAsync(string timer, CancellationToken cancellationToken)
    {
        await App.RunTimerAsync(timer, cancellationToken: cancellationToken);
        await DrainAsync(cancellationToken);
    }

    /// <summary>Every queue the functions left work on, drained by all instances at once, until all are quiet.</summary>
    internal async Task DrainAsync(CancellationToken cancellationToken)
    {
        foreach (var queue in Queues)
        {
            await FunctionHost.DrainQueueAsync(instances, queue, cancellationToken: cancellationToken);
        }

        if (instances.SelectMany(i => i.QueueFailures).FirstOrDefault() is { } failure)
        {
            throw new InvalidOperationException("A queue function failed in the demo.", failure);
        }
    }

    /// <summary>A request to the next instance in turn, as a load balancer spreads them; anything but 2xx stops the demo.</summary>
    internal async Task SendAsync(
        HttpMethod method, string path, HttpContent? content, string what, CancellationToken cancellationToken, IDictionary<string, string>? headers = null)
    {
        var instance = instances[Interlocked.Increment(ref requests) % instances.Count];
        var response = await instance.SendAsync(method, path, content, headers, cancellationToken);
        if ((int)response.Status is < 200 or > 299)
        {
            throw new InvalidOperationException($"{what}: {(int)response.Status} {response.Body}", response.Unhandled);
        }
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    /// <summary>The cell's access code, as the secretary keeps it.</summary>
    internal string CodeOf(string cellId) => codes[cellId];

    internal T Get<T>()
        where T : notnull => App.Services.GetRequiredService<T>();
}
