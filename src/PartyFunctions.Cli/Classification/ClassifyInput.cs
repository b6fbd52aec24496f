using System.Globalization;
using CsvHelper;
using PartyFunctions.Csv;
using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.Cli.Classification;

/// <summary>
/// Reads <c>party classify</c>'s input: one row per unit and month, optional dates and annual facts on any row of
/// the unit. Every malformed row is reported with its line number; rows of one unit that disagree are errors.
/// </summary>
internal static class ClassifyInput
{
    public static readonly string[] RequiredColumns = ["unitId", "superiorId", "month", "band", "confirmedBand"];

    private static readonly string[] UnitColumns =
    [
        "superiorId", "activeFrom", "activeTo", "disciplined", "openRemediation",
        "membersHTXSNV", "membersHTTNV", "membersHTNV", "membersKHTNV", "targetsMetRate",
    ];

    private static readonly HashSet<string> KnownColumns = [.. RequiredColumns, .. UnitColumns, "total"];

    public static (IReadOnlyList<CellYear> Cells, IReadOnlyList<string> Errors) Read(TextReader text)
    {
        var errors = new List<string>();
        var units = new SortedDictionary<string, Unit>(StringComparer.Ordinal);
        // Rows with too few or too many fields are read and reported below with their counts.
        var options = CsvFiles.Reader(bad => errors.Add($"line {bad.LineNumber}: malformed quoting ({bad.Reason})")) with
        {
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        using var csv = CsvReader.Create(text, options, leaveOpen: true);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            return ([], ["line 1: the header is missing"]);
        }

        errors.AddRange(RequiredColumns.Where(c => !header.Contains(c)).Select(c => $"line 1: missing column '{c}'"));
        errors.AddRange(header.Where(c => !KnownColumns.Contains(c)).Select(c => $"line 1: unknown column '{c}'"));
        if (errors.Count > 0)
        {
            return ([], errors);
        }

        while (csv.Read())
        {
            var row = new Row(csv, header, (int)csv.LineNumber);
            if (csv.FieldCount != header.Length)
            {
                row.Fail($"{csv.FieldCount} fields where the header has {header.Length}");
            }
            else
            {
                ReadRow(row, units);
            }

            errors.AddRange(row.Errors);
        }

        var cells = new List<CellYear>(units.Count);
        foreach (var (id, unit) in units)
        {
            cells.Add(unit.ToCellYear(id, errors));
        }

        return (cells, errors);
    }

    private static void ReadRow(Row row, SortedDictionary<string, Unit> units)
    {
        var unitId = row.Text("unitId");
        var month = row.Int("month", 1, 12);
        var band = row.Band("band", required: true);
        var confirmed = row.Band("confirmedBand", required: false);
        var total = row.Decimal("total", 0, decimal.MaxValue);
        if (unitId.Length == 0)
        {
            row.Fail("unitId is empty");
            return;
        }

        if (!units.TryGetValue(unitId, out var unit))
        {
            units[unitId] = unit = new Unit();
        }

        foreach (var column in UnitColumns)
        {
            unit.Agree(row, column);
        }

        if (month is not { } m || row.Errors.Count > 0)
        {
            return;
        }

        if (unit.MonthLines[m - 1] is > 0 and var first)
        {
            row.Fail($"unit {unitId} month {m} is already on line {first}");
            return;
        }

        unit.MonthLines[m - 1] = row.Line;
        unit.Months[m - 1] = new MonthReport(band, confirmed, total);
    }

    private delegate bool TryParser<T>(string text, out T value);

    /// <summary>One CSV row being read: typed getters that record a message with the line number instead of throwing.</summary>
    private sealed class Row(CsvReader csv, string[] header, int line)
    {
        public int Line { get; } = line;

        public List<string> Errors { get; } = [];

        public void Fail(string message) => Errors.Add($"line {Line}: {message}");

        public string Text(string column) => header.Contains(column) ? csv.GetString(column) : "";

        public int? Int(string column, int min, int max)
        {
            if (min > 0 && Text(column).Length == 0)
            {
                Fail($"{column} is empty");
                return null;
            }

            return Parse(column, (string t, out int v) =>
                int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out v) && v >= min && v <= max,
                $"a whole number from {min} to {max}");
        }

        public decimal? Decimal(string column, decimal min, decimal max) =>
            Parse(column, (string t, out decimal v) =>
                decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v) && v >= min && v <= max,
                string.Create(CultureInfo.InvariantCulture, $"a number from {min} to {max}"));

        public Band? Band(string column, bool required)
        {
            if (required && Text(column).Length == 0)
            {
                Fail($"{column} '' is not one of Tot, Kha, TrungBinh, Kem");
                return null;
            }

            return Parse<Band>(column, BandCodes.TryParse, "one of Tot, Kha, TrungBinh, Kem");
        }

        public DateOnly? Date(string column) =>
            Parse(column, (string t, out DateOnly v) =>
                DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out v),
                "an ISO date (yyyy-MM-dd)");

        public bool? Bool(string column) => Parse<bool>(column, bool.TryParse, "true or false");

        /// <summary>An empty field is null; a field that does not parse is recorded as an error with the line, and null.</summary>
        private T? Parse<T>(string column, TryParser<T> parse, string expected) where T : struct
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (parse(text, out var value))
            {
                return value;
            }

            Fail($"{column} '{text}' is not {expected}");
            return null;
        }
    }

    /// <summary>What the rows of one unit said so far: its months and, per unit column, the first value and its line.</summary>
    private sealed class Unit
    {
        private readonly Dictionary<string, (object Value, int Line)> values = new(StringComparer.Ordinal);

        public MonthReport[] Months { get; } = new MonthReport[12];

        public int[] MonthLines { get; } = new int[12];

        public void Agree(Row row, string column)
        {
            object? value = column switch
            {
                "superiorId" => row.Text(column) is { Length: > 0 } text ? text : null,
                "activeFrom" or "activeTo" => row.Date(column),
                "disciplined" or "openRemediation" => row.Bool(column),
                "targetsMetRate" => row.Decimal(column, 0, 1),
                _ => row.Int(column, 0, int.MaxValue),
            };
            if (value is null)
            {
                return;
            }

            if (!values.TryGetValue(column, out var first))
            {
                values[column] = (value, row.Line);
            }
            else if (!first.Value.Equals(value))
            {
                row.Fail($"{column} '{Format(value)}' disagrees with '{Format(first.Value)}' on line {first.Line}");
            }
        }

        public CellYear ToCellYear(string id, List<string> errors)
        {
            T? Get<T>(string column) where T : struct => values.TryGetValue(column, out var v) ? (T)v.Value : null;
            var superior = values.TryGetValue("superiorId", out var s) ? (string)s.Value : "";
            if (superior.Length == 0)
            {
                errors.Add($"unit {id}: superiorId is empty on every row");
            }

            var (from, to) = (Get<DateOnly>("activeFrom"), Get<DateOnly>("activeTo"));
            if (from > to)
            {
                errors.Add($"unit {id}: activeFrom {from:yyyy-MM-dd} is after activeTo {to:yyyy-MM-dd}");
            }

            int?[] counts = [Get<int>("membersHTXSNV"), Get<int>("membersHTTNV"), Get<int>("membersHTNV"), Get<int>("membersKHTNV")];
            MembersRated? members = null;
            if (counts.All(c => c is not null))
            {
                members = new MembersRated(counts[0]!.Value, counts[1]!.Value, counts[2]!.Value, counts[3]!.Value);
            }
            else if (counts.Any(c => c is not null))
            {
                errors.Add($"unit {id}: give all of membersHTXSNV, membersHTTNV, membersHTNV, membersKHTNV or none");
            }

            var facts = new AnnualFacts(
                Get<bool>("disciplined") ?? false, Get<bool>("openRemediation") ?? false, members, Get<decimal>("targetsMetRate"));
            return new CellYear(id, superior, Months, from, to, facts);
        }

        private static string Format(object value) =>
            value is DateOnly date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(value, CultureInfo.InvariantCulture)!;
    }
}
