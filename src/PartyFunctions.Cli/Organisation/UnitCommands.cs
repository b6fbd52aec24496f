using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Organisation;

namespace PartyFunctions.Cli.Organisation;

/// <summary><c>party units import|show|tree</c>: the unit registry.</summary>
public static class UnitCommands
{
    public static Command Build(CliContext context)
    {
        var units = new Command("units", "Đơn vị: nhập từ CSV, xem / the unit registry: import from CSV, show.");
        units.Subcommands.Add(Import(context));
        units.Subcommands.Add(Show(context));
        units.Subcommands.Add(Tree(context));
        return units;
    }

    private static Command Import(CliContext context)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp CSV UTF-8 (docs/units-import.md) / the units CSV file." };
        var deactivate = new Option<bool>("--deactivate-missing")
        {
            Description = "Ngừng hoạt động các đơn vị không có trong tệp (không xóa) / deactivate units missing from the file (never deletes).",
        };
        var command = new Command("import", "Nhập danh sách đơn vị; tất cả hoặc không gì cả / import units, all or nothing.") { file, deactivate };
        command.SetAction(async (result, ct) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"Không tìm thấy tệp {path.FullName} / file not found.");
                return PartyCommand.InvalidInput;
            }

            var bytes = await File.ReadAllBytesAsync(path.FullName, ct);
            var report = await context.Services.GetRequiredService<ImportUnits>().RunAsync(bytes, result.GetValue(deactivate), ct);
            foreach (var problem in report.Errors)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            if (!report.Succeeded)
            {
                await error.WriteLineAsync($"{report.Errors.Count} lỗi; không có thay đổi nào được ghi / {report.Errors.Count} errors; nothing was written.");
                return PartyCommand.InvalidInput;
            }

            await output.WriteLineAsync(
                $"created {report.Created}, updated {report.Updated}, unchanged {report.Unchanged}, deactivated {report.Deactivated}" +
                (report.Missing > 0 ? $", missing {report.Missing} (left active; --deactivate-missing deactivates them)" : string.Empty) +
                (report.Repaired > 0 ? $", repaired {report.Repaired} (sign-in copies rewritten)" : string.Empty));
            return 0;
        });
        return command;
    }

    private static Command Show(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Mã đơn vị / unit id." };
        var command = new Command("show", "Xem một đơn vị và các cấp trên / print a unit and its superiors.") { id };
        command.SetAction(async (result, ct) =>
        {
            var store = context.Services.GetRequiredService<IUnitStore>();
            var unitId = result.GetValue(id)!.ToUpperInvariant();
            if (await store.GetAsync(unitId, ct) is not { } unit)
            {
                return await NotFoundAsync(result, unitId);
            }

            var output = result.InvocationConfiguration.Output;
            await output.WriteLineAsync($"{unit.Id}  {unit.Name}");
            await output.WriteLineAsync($"  kind: {unit.Kind.Code()} ({unit.Kind.VietnameseName()})");
            await output.WriteLineAsync($"  active: {unit.ActiveFrom:yyyy-MM-dd} .. {unit.ActiveTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}");
            foreach (var (label, value) in new[]
            {
                ("secretary", unit.SecretaryEmail), ("office", unit.OfficeEmail),
                ("assigned member", unit.AssignedMemberName is null ? null : $"{unit.AssignedMemberName} <{unit.AssignedMemberEmail}>"),
            }.Where(p => p.Item2 is not null))
            {
                await output.WriteLineAsync($"  {label}: {value}");
            }

            foreach (var superior in await store.GetSuperiorsAsync(unitId, ct))
            {
                await output.WriteLineAsync($"  superior: {superior.Id}  {superior.Name}");
            }

            return 0;
        });
        return command;
    }

    private static Command Tree(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Mã đơn vị gốc / the unit at the top of the tree." };
        var command = new Command("tree", "In cây đơn vị trực thuộc / print a unit's subtree.") { id };
        command.SetAction(async (result, ct) =>
        {
            var unitId = result.GetValue(id)!.ToUpperInvariant();
            var subtree = await context.Services.GetRequiredService<IUnitStore>().GetSubtreeAsync(unitId, ct);
            if (subtree.Count == 0)
            {
                return await NotFoundAsync(result, unitId);
            }

            // Paths sort depth first (see UnitPath), so the ordinal order is the printing order.
            var top = subtree.Min(u => u.Depth);
            foreach (var unit in subtree.OrderBy(u => u.Path, StringComparer.Ordinal))
            {
                var closed = unit.ActiveTo is { } to ? $"  [đến / until {to:yyyy-MM-dd}]" : string.Empty;
                await result.InvocationConfiguration.Output.WriteLineAsync(
                    $"{new string(' ', 2 * (unit.Depth - top))}{unit.Id}  {unit.Kind.Code()}  {unit.Name}{closed}");
            }

            return 0;
        });
        return command;
    }

    private static async Task<int> NotFoundAsync(ParseResult result, string unitId)
    {
        await result.InvocationConfiguration.Error.WriteLineAsync($"Không tìm thấy đơn vị {unitId} / unknown unit {unitId}.");
        return PartyCommand.InvalidInput;
    }
}
