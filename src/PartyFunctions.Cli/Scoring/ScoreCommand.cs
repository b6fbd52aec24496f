using System.CommandLine;
using System.Globalization;
using PartyFunctions.Cli.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Cli.Scoring;

/// <summary><c>party score [--pack id] sheet.json</c>: what-if scoring of one monthly sheet.</summary>
public static class ScoreCommand
{
    public static Command Build(CliContext context)
    {
        var pack = PackOptions.PackId("the pack in force on the last day of the sheet's period");
        var packFile = PackOptions.PackFile();
        var sheetFile = new Argument<string>("sheet.json") { Description = "The monthly sheet: period, criteria points, facts." };
        var command = new Command("score", "Score a monthly sheet: prints JSON with total, band (Tot|Kha|TrungBinh|Kem) and reasons.")
        {
            sheetFile, pack, packFile,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (PackOptions.LoadCatalog(parseResult, packFile, context) is not { } catalog)
            {
                return PartyCommand.InvalidInput;
            }

            var (sheet, errors) = Read(parseResult.GetValue(sheetFile)!);
            var policy = sheet is null ? null : PackOptions.Resolve(parseResult, catalog, parseResult.GetValue(pack), LastDay(sheet.Period), context);
            if (sheet is null || policy is null)
            {
                WriteErrors(error, errors);
                return PartyCommand.InvalidInput;
            }

            var result = MonthlyScoring.Score(policy, sheet);
            if (result.Score is null)
            {
                WriteErrors(error, result.Errors);
                return PartyCommand.InvalidInput;
            }

            PackOptions.WriteJson(parseResult, result.Score);
            return 0;
        });
        return command;
    }

    private static (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors) Read(string path)
    {
        try
        {
            return ScoreSheetJson.Read(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, [new FieldError("", "file", $"Không đọc được {path}", $"Cannot read {path}: {e.Message}")]);
        }
    }

    // A period that does not parse is reported by the sheet validator, with the latest pack checking the rest of the sheet.
    private static DateOnly LastDay(string period) =>
        DateOnly.TryParseExact(period + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            ? first.AddMonths(1).AddDays(-1)
            : DateOnly.MaxValue;

    private static void WriteErrors(TextWriter error, IEnumerable<FieldError> errors)
    {
        foreach (var e in errors)
        {
            error.WriteLine($"{(e.Field.Length == 0 ? "sheet" : e.Field)}: {e.En} / {e.Vi}");
        }
    }
}
