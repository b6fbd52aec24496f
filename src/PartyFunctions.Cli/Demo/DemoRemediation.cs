using System.Globalization;
using System.Net.Http.Json;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// After the annual run, every cell with an <c>annual-weak</c> alert writes its plan through the JSON API with its access
/// code (<c>PUT /api/remediation/...</c>), some only after <see cref="PlanRules.DaysToWrite"/> days. The assigned member,
/// through the signed link of their digest, returns some plans with a comment (the cell revises and submits again) and
/// accepts the others, closes each item on time or days late, and closes the plan. The escalation timer runs on the
/// days its follow-up has work: the cells' reminders 3 days before a deadline and on the day, <c>plan-overdue</c> the
/// day after, its climb a week later, and its resolution once the late item is closed. Every choice is drawn up front,
/// cell by cell in id order, from the demo's one generator.
/// </summary>
public sealed class DemoRemediation(DemoYear play, DemoClock clock, int year, Random random)
{
    private int scheduled;

    private const int Writes = 2;
    private const int SlowWrites = PlanRules.DaysToWrite + 1;
    private const int DaysLate = 9;
    private const string Member = "Ủy viên phụ trách";

    // Item deadlines, in days after the annual run: one before and one after the slow cells' plans are accepted.
    private static readonly int[] Deadlines = [38, 56];

    private static readonly string[] Tasks =
    [
        "Tổ chức sinh hoạt chi bộ đúng kỳ, đủ nội dung",
        "Bổ sung biên bản các kỳ sinh hoạt còn thiếu",
        "Phân công đảng viên phụ trách từng việc của nghị quyết",
        "Kiểm điểm, làm rõ trách nhiệm của cấp ủy chi bộ",
    ];

    private static readonly string[] Owners = ["Bí thư chi bộ", "Phó bí thư chi bộ", "Chi ủy viên"];

    private static readonly string[] Comments =
    [
        "Chưa rõ người chịu trách nhiệm từng nội dung, đề nghị bổ sung.",
        "Thời hạn hoàn thành chưa phù hợp, đề nghị xem lại.",
    ];

    private readonly List<Step> steps = [];

    public async Task PlayAsync(DemoProvince province, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(province);
        var opened = VietnamDate.DayOf(clock.GetUtcNow());
        var period = year.ToString(CultureInfo.InvariantCulture);
        var weak = new List<AlertKey>();
        foreach (var cell in province.Cells)
        {
            if (await play.Get<IAlertStore>().GetAsync(new AlertKey(AlertRules.AnnualWeak, cell.Id, period), cancellationToken) is { Alert.IsOpen: true } alert)
            {
                weak.Add(alert.Alert.Key);
            }
        }

        foreach (var key in weak.OrderBy(k => k.UnitId, StringComparer.Ordinal))
        {
            Schedule(key);
        }

        var escalation = new SortedSet<int> { 1, 7, 14, 21, PlanRules.DaysToWrite, SlowWrites + 1 };
        foreach (var due in Deadlines)
        {
            // Reminders, the day of, plan-overdue opened, climbed to the office, resolved after the late closings.
            escalation.UnionWith([due - PlanRules.RemindDaysBefore, due, due + 1, due + 8, due + DaysLate + 1]);
        }

        escalation.Add(escalation.Max + 7);
        for (var day = 1; day <= Math.Max(escalation.Max, steps.Select(s => s.Day).DefaultIfEmpty(0).Max()); day++)
        {
            var date = opened.AddDays(day);
            if (escalation.Contains(day))
            {
                clock.At(date, 8);
                await play.TimerAsync(Timers.Escalation, cancellationToken);
                await play.AcknowledgeSomeAsync(cancellationToken);
            }

            var today = steps.Where(s => s.Day == day).OrderBy(s => s.Order).ThenBy(s => s.Key.UnitId, StringComparer.Ordinal).ToList();
            if (today.Count > 0)
            {
                clock.At(date, 10);
                foreach (var step in today)
                {
                    await step.Act(cancellationToken);
                }

                await play.DrainAsync(cancellationToken);
            }
        }
    }

    /// <summary>
    /// Draws what the cell and its member will do with the plan for <paramref name="key"/>, and when. The first plan is
    /// always returned once and has its first item closed late, so that even a small demo shows both.
    /// </summary>
    private void Schedule(AlertKey key)
    {
        var first = scheduled++ == 0;
        var writes = random.NextDouble() < 0.25 ? SlowWrites : Writes;
        var returned = random.NextDouble() < 0.4 || first;
        var items = Enumerable.Range(0, 2 + random.Next(2))
            .Select(i => (Due: Deadlines[Math.Min(i, Deadlines.Length - 1)], Task: Tasks[random.Next(Tasks.Length)],
                Late: random.NextDouble() < 0.3 || (first && i == 0), Early: random.Next(2)))
            .ToList();
        var comment = Comments[random.Next(Comments.Length)];
        var opened = VietnamDate.DayOf(clock.GetUtcNow());

        object Plan(bool revised) => new
        {
            items = items.Select((item, i) => new
            {
                title = item.Task,
                owner = revised && i == 0 ? "Đồng chí Bí thư và Phó bí thư chi bộ" : Owners[i % Owners.Length],
                due = opened.AddDays(item.Due).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }).ToArray(),
        };

        Add(writes, 0, key, ct => WriteAsync(key, Plan(revised: false), ct));
        var accepts = writes + 2;
        if (returned)
        {
            Add(writes + 1, 1, key, ct => ReviewAsync(key, "return", $"comment={Uri.EscapeDataString(comment)}", ct));
            Add(writes + 2, 0, key, ct => WriteAsync(key, Plan(revised: true), ct));
            accepts = writes + 3;
        }

        Add(accepts, 1, key, ct => ReviewAsync(key, "accept", null, ct));
        var closes = items.Select((item, i) => (Id: (i + 1).ToString(CultureInfo.InvariantCulture), Day: item.Late ? item.Due + DaysLate : item.Due - item.Early, item.Late)).ToList();
        foreach (var (id, day, late) in closes)
        {
            var note = late ? "Hoàn thành muộn so với kế hoạch" : "Đã hoàn thành, có biên bản kèm theo";
            Add(day, 2, key, ct => ReviewAsync(key, $"items/{id}/close", $"note={Uri.EscapeDataString(note)}", ct));
        }

        Add(closes.Max(c => c.Day), 3, key, ct => ReviewAsync(key, "close", null, ct));
    }

    private void Add(int day, int order, AlertKey key, Func<CancellationToken, Task> act) => steps.Add(new Step(day, order, key, act));

    /// <summary>The cell submits (or resubmits) its plan with its access code.</summary>
    private Task WriteAsync(AlertKey key, object plan, CancellationToken cancellationToken) =>
        play.SendAsync(HttpMethod.Put, Path(key), JsonContent.Create(plan), $"plan {key}", cancellationToken,
            new Dictionary<string, string> { [PartyFunctions.Access.Routes.AccessCodeHeader] = play.CodeOf(key.UnitId) });

    /// <summary>The assigned member acts through the signed review link their digest carries (POST only).</summary>
    private Task ReviewAsync(AlertKey key, string action, string? query, CancellationToken cancellationToken)
    {
        var url = play.Get<PlanLinks>().Review(key, key.UnitId, clock.GetUtcNow());
        var link = Uri.EscapeDataString(Uri.UnescapeDataString(url[(url.IndexOf("link=", StringComparison.Ordinal) + 5)..]));
        return play.SendAsync(HttpMethod.Post, $"{Path(key)}/{action}?link={link}&by={Uri.EscapeDataString(Member)}{(query is null ? "" : "&" + query)}", null,
            $"{action} {key}", cancellationToken);
    }

    private static string Path(AlertKey key) => $"/api/remediation/{Uri.EscapeDataString(key.UnitId)}/{key.Rule}/{key.Period}";

    /// <summary>One action on a day after the annual run; within a day, the cell writes before the member reviews, accepts before closing.</summary>
    private sealed record Step(int Day, int Order, AlertKey Key, Func<CancellationToken, Task> Act);
}
