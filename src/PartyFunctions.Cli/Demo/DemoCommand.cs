using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Cli.Local;
using PartyFunctions.Configuration;
using PartyFunctions.LocalRunner;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Notifications;

namespace PartyFunctions.Cli.Demo;

/// <summary><c>party demo [--cells N] [--year YYYY] [--seed S] [--instances I]</c>: a province's year played through the app's functions.</summary>
public static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cells = new Option<int>("--cells") { Description = "Number of cells (chi bộ).", DefaultValueFactory = _ => 200 };
        var year = new Option<int>("--year") { Description = "The year to play (the packs start 2025-10-28).", DefaultValueFactory = _ => 2026 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice: same seed, same year.", DefaultValueFactory = _ => 1 };
        var instances = new Option<int>("--instances")
        {
            Description = "Instances of the app running the functions side by side, each at the host's queue concurrency.",
            DefaultValueFactory = _ => 2,
        };
        var command = new Command("demo",
            "Play a whole year for a made-up province through the app's functions, in a fresh storage namespace of the configured storage (starts Azurite when none answers).")
        {
            cells, year, seed, instances,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var (n, y, count) = (result.GetValue(cells), result.GetValue(year), result.GetValue(instances));
            if (n is < 1 or > 5000 || y < 2026 || count is < 1 or > 8)
            {
                await error.WriteLineAsync("--cells must be 1..5000, --year 2026 or later (every month needs a pack in force), --instances 1..8.");
                return PartyCommand.InvalidInput;
            }

            using var azurite = await LocalStorage.EnsureAsync(context.Configuration, error, cancellationToken);
            var run = DemoStorage.NewRun(context.Configuration);
            var clock = new DemoClock(new DateTimeOffset(y, 1, 1, 0, 0, 0, VietnamDate.Offset));
            var mail = new CountingMailTransport(new DirectoryMailTransport(run.Configuration[AppSettings.EmailDirectory]!));
            await using var app = FunctionHost.Create(run.Configuration, services => services
                .AddSingleton<TimeProvider>(clock)
                .AddSingleton<IMailTransport>(mail));
            var all = new List<FunctionHost> { app };
            all.AddRange(Enumerable.Range(1, count - 1).Select(_ => app.StartAnotherInstance()));
            using var metrics = new DemoMetricTotals(all.Select(i => i.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
            try
            {
                await error.WriteLineAsync($"Storage namespace {run.Prefix}; the app's queues emptied first. Emails in {run.Configuration[AppSettings.EmailDirectory]}.");
                await app.HostStorage.EmptyAppQueuesAsync(cancellationToken);
                var watch = Stopwatch.StartNew();
                var play = new DemoYear(all, clock, y, new Random(result.GetValue(seed)));
                var province = await play.PlayAsync(n, cancellationToken);
                var exact = await DemoSummary.WriteAsync(output, app.Services, province, y, mail.Accepted, cancellationToken);
                await error.WriteLineAsync($"the province's tracker of remediation plans: {await DemoTracker.SaveAsync(app, y, run.Configuration[AppSettings.EmailDirectory]!, cancellationToken)}");
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"played in {watch.Elapsed.TotalSeconds:0.0} s on {count} instance(s), each running up to {app.QueueOptions.MaxConcurrency} queue messages at once"));
                // On stderr: the summary above stays the same for the same seed, and these are the same numbers seen as the workbook sees them.
                await metrics.WriteAsync(error);
                if (!exact)
                {
                    await error.WriteLineAsync("error: the emails sent are not one per digest written: a digest was lost or sent twice.");
                    return 1;
                }

                return 0;
            }
            finally
            {
                foreach (var instance in all.Skip(1))
                {
                    await instance.DisposeAsync();
                }
            }
        });
        return command;
    }
}
