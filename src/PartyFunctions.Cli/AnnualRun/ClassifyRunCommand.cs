using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.AnnualRun;

namespace PartyFunctions.Cli.AnnualRun;

/// <summary>
/// <c>party classify-run --year 2025 [--through 11] [--status]</c>: start or resume the year's classification run (the
/// same run the timer starts; the Function App's shard workers do the work), or print where it stands.
/// </summary>
public static class ClassifyRunCommand
{
    public static Command Build(CliContext context)
    {
        var year = new Option<int>("--year") { Description = "Năm xếp loại / the year to classify.", Required = true };
        var through = new Option<int?>("--through") { Description = "Tính đến tháng (1-12); mặc định: tháng cuối đã qua hạn chốt / last month counted." };
        var statusOnly = new Option<bool>("--status") { Description = "Chỉ xem tình trạng / only print the run's status." };
        var command = new Command("classify-run", "Bắt đầu hoặc tiếp tục đợt xếp loại năm / start or resume the annual classification run.")
        {
            year, through, statusOnly,
        };
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var y = result.GetValue(year);

            if (!result.GetValue(statusOnly))
            {
                var started = await context.Services.GetRequiredService<StartClassificationRun>().RunAsync(y, result.GetValue(through), resume: true, ct);
                if (started.Refusal is { } refusal)
                {
                    await error.WriteLineAsync($"{refusal.Vi} / {refusal.En}");
                    return PartyCommand.InvalidInput;
                }

                await output.WriteLineAsync($"{started.Run!.RunId}: sent {started.ShardsDispatched} shard(s) to the queue");
            }

            var status = await context.Services.GetRequiredService<GetClassificationRunStatus>().RunAsync(y, ct);
            if (status is null)
            {
                await error.WriteLineAsync($"Chưa có đợt xếp loại năm {y} / no run for {y}.");
                return 1;
            }

            await output.WriteLineAsync(
                $"{status.Run.RunId}: through month {status.Run.ThroughMonth}, pack {status.Run.PackId}, " +
                $"shards {status.Run.Shards} (done {status.ShardsDone}, pending {status.ShardsPending}, failed {status.FailedShards.Count}), " +
                $"cells {status.CellsClassified}, {(status.Run.IsCompleted ? "completed" : "running")}");
            foreach (var failed in status.FailedShards)
            {
                await output.WriteLineAsync($"  failed: {failed.SuperiorId}: {failed.Error}");
            }

            return 0;
        });
        return command;
    }
}
