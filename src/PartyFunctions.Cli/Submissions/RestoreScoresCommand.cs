using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Submissions;

namespace PartyFunctions.Cli.Submissions;

/// <summary>
/// <c>party restore-scores --under &lt;unitId&gt; [--period yyyy-MM] [--dry-run]</c>: rebuilds the months missing from
/// the scores table from the submission archive (docs/operations.md); months that have a score are left alone.
/// </summary>
public static class RestoreScoresCommand
{
    public static Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var under = new Option<string>("--under") { Description = "Đơn vị (các chi bộ trực thuộc) / the unit whose cells to restore.", Required = true };
        var period = new Option<string?>("--period") { Description = "Chỉ một tháng (yyyy-MM) / only this month." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Chỉ liệt kê tháng thiếu / list the missing months, write nothing." };
        var command = new Command("restore-scores", "Khôi phục điểm từ kho lưu trữ / rebuild missing monthly scores from the archive.")
        {
            under, period, dryRun,
        };
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            ScorePeriod? month = null;
            if (result.GetValue(period) is { } text)
            {
                if (!ScorePeriod.TryParse(text, out var parsed))
                {
                    await error.WriteLineAsync("Tháng phải có dạng yyyy-MM / the month is yyyy-MM.");
                    return PartyCommand.InvalidInput;
                }

                month = parsed;
            }

            var isDryRun = result.GetValue(dryRun);
            var report = await context.Services.GetRequiredService<RestoreScores>().RunAsync(result.GetValue(under)!, month, isDryRun, ct);
            foreach (var missing in report.Missing)
            {
                await output.WriteLineAsync($"  {(isDryRun ? "missing" : "restored")}: {missing}");
            }

            foreach (var refused in report.Refused)
            {
                await output.WriteLineAsync($"  refused: {refused}");
            }

            await output.WriteLineAsync(isDryRun
                ? $"{report.Present} month(s) present, {report.Missing.Count} missing; dry run, nothing written."
                : $"{report.Present} month(s) present, {report.Restored} restored ({report.Applied} request(s) applied, {report.Refused.Count} refused as they were then).");
            return 0;
        });
        return command;
    }
}
