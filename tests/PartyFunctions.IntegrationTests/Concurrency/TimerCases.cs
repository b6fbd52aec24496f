using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.IntegrationTests.Alerts;
using PartyFunctions.IntegrationTests.AnnualRun;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Heartbeat;
using PartyFunctions.IntegrationTests.Remediation;
using PartyFunctions.Notifications;
using PartyFunctions.Scoring;

namespace PartyFunctions.IntegrationTests.Concurrency;

/// <summary>A world at the moment its timer is due, with something for the run to do, and the emails it has sent.</summary>
internal sealed record TimerWorld(FunctionHost Host, RecordingMailTransport Mail, IAsyncDisposable Owner)
{
    public IEnumerable<string> Emails() => Mail.Sent.Select(m => $"{m.To.Email} {m.Subject} {m.Text}");
}

/// <summary>One case per timer function of the app (checked against functions.metadata): the capability tests' worlds at a due time.</summary>
internal static class TimerCases
{
    public static readonly IReadOnlyDictionary<string, Func<AzuriteFixture, Task<TimerWorld>>> ByTimer =
        new Dictionary<string, Func<AzuriteFixture, Task<TimerWorld>>>(StringComparer.Ordinal)
        {
            [Timers.Reminders] = azurite => MonthAsync(azurite, world => world.At(2025, 12, 2)),
            [Timers.Cutoff] = azurite => MonthAsync(azurite, world => world.At(2025, 12, 9, 0, 5)),
            [Timers.Escalation] = azurite => MonthAsync(azurite, async world =>
            {
                world.At(2025, 12, 9, 0, 5);
                await world.RunAsync(Timers.Cutoff);
                await world.Host.DrainQueueAsync(StorageNames.DigestsQueue);
                world.At(2025, 12, 16);
            }),
            [Timers.AnnualClassification] = ProvinceAsync,
            [Timers.HeartbeatCheck] = HeartbeatAsync,
        };

    /// <summary>
    /// The escalation run of 14 January 2026 with plans to follow: C1's accepted plan has an item a day late (plan-overdue
    /// opens), one due today and one in three days (the cell's reminders); C2 has written nothing 30 days after its alert.
    /// </summary>
    public static Task<TimerWorld> PlanFollowUpAsync(AzuriteFixture azurite) => MonthAsync(azurite, async world =>
    {
        world.At(2025, 12, 15);
        var keys = await world.AnnualWeakAsync([world.C1, world.C2]);
        world.At(2025, 12, 20);
        await world.WritePlanAsync(keys[0], submit: true, new DateOnly(2026, 1, 13), new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 17));
        world.At(2025, 12, 22);
        await world.AcceptAsync(keys[0]);
        await world.Host.DrainQueueAsync(StorageNames.DigestsQueue);
        world.At(2026, 1, 14);
    });

    /// <summary>November 2025 with C2 reported and C1, C3 not, moved to the due time by <paramref name="due"/>.</summary>
    private static async Task<TimerWorld> MonthAsync(AzuriteFixture azurite, Func<AlertWorld, Task> due)
    {
        var mail = new RecordingMailTransport();
        var world = await AlertWorld.CreateAsync(azurite, overrides: services => services.AddSingleton<IMailTransport>(mail));
        world.At(2025, 11, 20);
        await world.SubmitAsync(world.C2, AlertWorld.November, Band.Good);
        await due(world);
        return new TimerWorld(world.Host, mail, world);
    }

    private static Task<TimerWorld> MonthAsync(AzuriteFixture azurite, Action<AlertWorld> due) =>
        MonthAsync(azurite, world =>
        {
            due(world);
            return Task.CompletedTask;
        });

    private static async Task<TimerWorld> ProvinceAsync(AzuriteFixture azurite)
    {
        var mail = new RecordingMailTransport();
        var province = await Province.CreateAsync(azurite, services => services.AddSingleton<IMailTransport>(mail));
        province.Store.Failing = false;
        return new TimerWorld(province.Host, mail, province.Host);
    }

    /// <summary>Every timer ran on 10 January; two days later the daily escalation is late.</summary>
    private static async Task<TimerWorld> HeartbeatAsync(AzuriteFixture azurite)
    {
        var world = await HeartbeatWorld.CreateAsync(azurite);
        foreach (var (timer, _) in Timers.All)
        {
            await world.RunAsync(timer);
        }

        world.Clock.Advance(TimeSpan.FromDays(2));
        return new TimerWorld(world.Host, world.Mail, world);
    }
}
