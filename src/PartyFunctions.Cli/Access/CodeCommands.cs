using System.CommandLine;
using System.Globalization;
using CsvHelper;
using PartyFunctions.Csv;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;

namespace PartyFunctions.Cli.Access;

/// <summary><c>party codes issue</c>: issue or rotate cell access codes into a CSV sheet to hand out.</summary>
public static class CodeCommands
{
    public static Command Build(CliContext context)
    {
        var codes = new Command("codes", "Mã truy cập của chi bộ / cell access codes.");
        codes.Subcommands.Add(Issue(context));
        return codes;
    }

    private static Command Issue(CliContext context)
    {
        var unit = new Argument<string?>("unit") { Description = "Mã chi bộ / the cell's id.", Arity = ArgumentArity.ZeroOrOne };
        var allUnder = new Option<string?>("--all-under") { Description = "Mọi chi bộ đang hoạt động dưới đơn vị này / every active cell under this unit." };
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Tệp CSV để ghi mã (không ghi đè) / the CSV to write the codes to (never overwritten).",
        };
        var command = new Command("issue",
            "Cấp (hoặc cấp lại) mã; mã chỉ hiện trong tệp này / issue or rotate codes; they appear only in the CSV written.")
        { unit, allUnder, output };
        command.SetAction(async (result, ct) =>
        {
            var error = result.InvocationConfiguration.Error;
            var (cell, under) = (result.GetValue(unit), result.GetValue(allUnder));
            if ((cell is null) == (under is null))
            {
                await error.WriteLineAsync("Cần đúng một: <unit> hoặc --all-under <id> / give either <unit> or --all-under <id>.");
                return PartyCommand.InvalidInput;
            }

            var target = (cell ?? under)!.ToUpperInvariant();
            var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            var path = result.GetValue(output)?.FullName
                ?? Path.GetFullPath($"ma-truy-cap-{target}-{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.csv");
            if (File.Exists(path))
            {
                await error.WriteLineAsync($"Tệp {path} đã có; chọn tên khác / {path} exists; choose another --out.");
                return PartyCommand.InvalidInput;
            }

            var issued = await context.Services.GetRequiredService<IssueAccessCodes>()
                .RunAsync(target, allUnder: under is not null, codes => WriteSheetAsync(path, codes), ct);
            if (issued.Error is not null)
            {
                await error.WriteLineAsync(issued.Error);
                return PartyCommand.InvalidInput;
            }

            await result.InvocationConfiguration.Output.WriteLineAsync(
                $"Đã cấp {issued.Issued} mã vào {path}; mã cũ hết hiệu lực. Giữ tệp an toàn. / issued {issued.Issued} codes to {path}; old codes no longer work.");
            return 0;
        });
        return command;
    }

    /// <summary>UTF-8 with BOM, so that Excel shows the Vietnamese names; one row per cell, for a mail merge.</summary>
    private static async Task WriteSheetAsync(string path, IReadOnlyList<IssuedAccessCode> codes)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await using var csv = CsvWriter.Create(file, CsvFiles.ForExcel);
        csv.WriteHeader(["unitId", "name", "parentId", "secretaryEmail", "code", "issuedAt"]);
        foreach (var issued in codes.OrderBy(c => c.Cell.Path, StringComparer.Ordinal))
        {
            csv.WriteRecord([
                issued.Cell.Id, issued.Cell.Name, issued.Cell.ParentId ?? string.Empty, issued.Cell.SecretaryEmail ?? string.Empty,
                AccessCode.Display(issued.Code), issued.IssuedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            ]);
        }
    }
}
