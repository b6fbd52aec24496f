using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.Notifications;
using PartyFunctions.Remediation;

namespace PartyFunctions.IntegrationTests.Remediation;

/// <summary>
/// What the people of an <see cref="AlertWorld"/> do with a plan, through the use cases the JSON API and the pages call
/// (the HTTP side is RemediationTests'): the annual run asking C1 for a plan, the cell writing it, the member reviewing it.
/// </summary>
internal static class PlanSteps
{
    public const string Member = "Lê Văn Cường";

    /// <summary>Opens <c>annual-weak</c> 2025 for <paramref name="cell"/> as the annual run does, its level 1 told in the run's digests.</summary>
    public static async Task<AlertKey> AnnualWeakAsync(this AlertWorld world, string cell) => (await world.AnnualWeakAsync([cell]))[0];

    /// <summary>Opens <c>annual-weak</c> 2025 for every one of <paramref name="cells"/> in one annual run (one digest per person).</summary>
    public static async Task<IReadOnlyList<AlertKey>> AnnualWeakAsync(this AlertWorld world, IReadOnlyList<string> cells)
    {
        var keys = cells.Select(cell => new AlertKey(AlertRules.AnnualWeak, cell, "2025")).ToList();
        var opened = await world.Host.Services.GetRequiredService<OpenAlerts>().RunAsync(
            "annual-2025", [.. keys.Select(key => new AlertRequest(key, "Đề xuất: Không hoàn thành nhiệm vụ"))], default);
        Assert.Equal(keys.Count, opened.Opened);
        return keys;
    }

    /// <summary>C1's <c>annual-weak</c> alert opened on 15 December 2025 and its plan written on <paramref name="written"/> (submitted, or saved as a draft).</summary>
    public static async Task<AlertKey> AnnualWeakPlanAsync(this AlertWorld world, DateOnly written, bool submit, params DateOnly[] deadlines)
    {
        world.At(2025, 12, 15);
        var key = await world.AnnualWeakAsync(world.C1);
        world.At(written.Year, written.Month, written.Day);
        await world.WritePlanAsync(key, submit, deadlines);
        return key;
    }

    /// <summary>The cell submits (or saves as a draft) one item per deadline, numbered from 1.</summary>
    public static async Task<RemediationPlan> WritePlanAsync(this AlertWorld world, AlertKey key, bool submit, params DateOnly[] deadlines)
    {
        var items = deadlines.Select((due, i) => new PlanItemInput(
            $"Nội dung {i + 1}: bổ sung biên bản sinh hoạt", "Bí thư chi bộ", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
        var outcome = await world.Host.Services.GetRequiredService<SubmitRemediationPlan>().RunAsync(key, items, submit, default);
        Assert.True(outcome.Succeeded, outcome.Message?.En);
        return outcome.Plan!;
    }

    public static Task<RemediationPlan> AcceptAsync(this AlertWorld world, AlertKey key) => world.ReviewAsync(r => r.AcceptAsync(key, Member, default));

    public static Task<RemediationPlan> CloseItemAsync(this AlertWorld world, AlertKey key, string item) =>
        world.ReviewAsync(r => r.CloseItemAsync(key, item, Member, "Đã có biên bản", default));

    public static Task<RemediationPlan> ReopenItemAsync(this AlertWorld world, AlertKey key, string item) =>
        world.ReviewAsync(r => r.ReopenItemAsync(key, item, Member, "Biên bản chưa đủ chữ ký", default));

    public static Task<RemediationPlan> ClosePlanAsync(this AlertWorld world, AlertKey key) => world.ReviewAsync(r => r.ClosePlanAsync(key, Member, null, default));

    /// <summary>Accepts the plan, closes every item and then the plan.</summary>
    public static async Task<RemediationPlan> AcceptAndCloseAsync(this AlertWorld world, AlertKey key)
    {
        var plan = await world.AcceptAsync(key);
        foreach (var item in plan.Items)
        {
            await world.CloseItemAsync(key, item.Id);
        }

        return await world.ClosePlanAsync(key);
    }

    /// <summary>What the escalation run of <paramref name="day"/> (its one digest per person) told <paramref name="to"/> about <paramref name="cell"/>.</summary>
    public static async Task<IReadOnlyList<DigestItem>> ToldAsync(this AlertWorld world, DateOnly day, string to, string cell) =>
        (await world.DigestAsync($"escalation-{day:yyyy-MM-dd}", to))?.Items.Where(i => i.UnitId == cell).ToList() ?? [];

    /// <summary>Sets the clock to 08:00 in Vietnam on <paramref name="day"/> and runs the real escalation timer.</summary>
    public static async Task EscalateAsync(this AlertWorld world, DateOnly day)
    {
        world.At(day.Year, day.Month, day.Day);
        await world.RunAsync(Timers.Escalation);
    }

    private static async Task<RemediationPlan> ReviewAsync(this AlertWorld world, Func<ReviewRemediationPlan, Task<RemediationOutcome>> action)
    {
        var outcome = await action(world.Host.Services.GetRequiredService<ReviewRemediationPlan>());
        Assert.True(outcome.Succeeded, outcome.Message?.En);
        return outcome.Plan!;
    }
}
