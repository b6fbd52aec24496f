using System.CommandLine;
using System.Text;
using PartyFunctions.Classification;
using PartyFunctions.Cli.Policy;

namespace PartyFunctions.Cli.Classification;

/// <summary><c>party classify</c>: what-if annual classification of the cells in a CSV, quota per superior included.</summary>
public static class ClassifyCommand
{
    public static Command Build(CliContext context)
    {
        var pack = PackOptions.PackId("the pack in force on the last day of the through-month");
        var packFile = PackOptions.PackFile();
        var year = new Option<int>("--year") { Description = "The year to classify (yyyy).", Required = true };
        var through = new Option<int>("--through") { Description = "The last month covered, 1-12.", DefaultValueFactory = _ => 12 };
        var output = new Option<string?>("--out") { Description = "Write the result CSV here (UTF-8 with BOM) instead of standard output." };
        var input = new Argument<string>("input.csv")
        {
            Description = "Rows unitId,superiorId,month,band,confirmedBand[,total,activeFrom,activeTo,annual facts...].",
        };
        var command = new Command("classify", "Roll up each unit's year, propose its level and apply the quota per superior.")
        {
            input, year, through, pack, packFile, output,
        };
        command.SetAction(parseResult =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var (y, m) = (parseResult.GetValue(year), parseResult.GetValue(through));
            if (y is < 1 or > 9998 || m is < 1 or > 12)
            {
                error.WriteLine("--year must be a year (yyyy) and --through a month from 1 to 12.");
                return PartyCommand.InvalidInput;
            }

            var window = new YearWindow(y, m);
            if (PackOptions.LoadCatalog(parseResult, packFile, context) is not { } catalog
                || PackOptions.Resolve(parseResult, catalog, parseResult.GetValue(pack), new DateOnly(y, m, 1).AddMonths(1).AddDays(-1), context)
                    is not { } policy)
            {
                return PartyCommand.InvalidInput;
            }

            var (cells, errors) = Read(parseResult.GetValue(input)!);
            if (errors.Count > 0)
            {
                foreach (var e in errors)
                {
                    error.WriteLine(e);
                }

                return PartyCommand.InvalidInput;
            }

            var results = Classifier.ClassifyAll(policy, cells, window);
            if (parseResult.GetValue(output) is { } path)
            {
                using var file = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
                ClassifyOutput.Write(file, results);
                parseResult.InvocationConfiguration.Output.WriteLine(
                    $"{results.Length} units classified with {policy.Id} ({y}, months 1-{m}): {path}");
            }
            else
            {
                ClassifyOutput.Write(parseResult.InvocationConfiguration.Output, results);
            }

            return 0;
        });
        return command;
    }

    private static (IReadOnlyList<CellYear> Cells, IReadOnlyList<string> Errors) Read(string path)
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return ClassifyInput.Read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ([], [$"cannot read {path}: {e.Message}"]);
        }
    }
}
