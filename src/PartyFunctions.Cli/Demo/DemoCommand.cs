using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Configuration;
using PartyFunctions.Organisation;

namespace PartyFunctions.Cli.Demo;

/// <summary><c>party demo [--cells N] [--year YYYY] [--seed S]</c>: a province's year played through the use cases.</summary>
public static class DemoCommand
{
    public static Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cells = new Option<int>("--cells") { Description = "Number of cells (chi bộ).", DefaultValueFactory = _ => 200 };
        var year = new Option<int>("--year") { Description = "The year to play (the packs start 2025-10-28).", DefaultValueFactory = _ => 2026 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice: same seed, same year.", DefaultValueFactory = _ => 1 };
        var command = new Command("demo", "Play a whole year for a made-up province against the configured storage (starts Azurite when none answers).")
        {
            cells, year, seed,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var (n, y) = (result.GetValue(cells), result.GetValue(year));
            if (n is < 1 or > 5000 || y < 2026)
            {
                await error.WriteLineAsync("--cells must be 1..5000 and --year 2026 or later (every month needs a pack in force).");
                return PartyCommand.InvalidInput;
            }

            using var azurite = await DemoStorage.EnsureAsync(context.Configuration, error, cancellationToken);
            var configuration = DemoStorage.Settings(context.Configuration);
            var clock = new DemoClock(new DateTimeOffset(y, 1, 1, 0, 0, 0, VietnamDate.Offset));
            await using var services = new ServiceCollection().AddSingleton(configuration).AddLogging()
                .AddPartyFunctions(configuration).AddSingleton<TimeProvider>(clock).BuildServiceProvider();
            if ((await services.GetRequiredService<IUnitStore>().GetAllAsync(cancellationToken)).Count > 0)
            {
                await error.WriteLineAsync("The storage already holds units: the demo needs empty storage (stop Azurite and delete .azurite/).");
                return PartyCommand.InvalidInput;
            }

            var watch = Stopwatch.StartNew();
            var play = new DemoYear(services, clock, y, new Random(result.GetValue(seed)));
            var province = await play.PlayAsync(n, cancellationToken);
            await DemoSummary.WriteAsync(output, services, province, y, play.EmailsSent, cancellationToken);
            await output.WriteLineAsync($"emails as .eml files in {configuration[AppSettings.EmailDirectory]}");
            await error.WriteLineAsync($"played in {watch.Elapsed.TotalSeconds:0.0} s");
            return 0;
        });
        return command;
    }
}
