using CsvHelper;
using PartyFunctions.Csv;
using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.Cli.Classification;

/// <summary>Writes one row per unit, ordered by unit id, with the header the issue fixes.</summary>
internal static class ClassifyOutput
{
    public static readonly string[] Header =
        ["unitId", "superiorId", "required", "tot", "kha_or_better", "kem", "yearBand", "proposed", "flags"];

    public static void Write(TextWriter text, IEnumerable<CellClassification> results)
    {
        using var csv = CsvWriter.Create(text, CsvFiles.Writer, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var result in results.OrderBy(r => r.UnitId, StringComparer.Ordinal))
        {
            var year = result.Year;
            csv.WriteField(result.UnitId);
            csv.WriteField(result.SuperiorId);
            csv.WriteField(year.Required);
            csv.WriteField(year.Good);
            csv.WriteField(year.FairOrBetter);
            csv.WriteField(year.Weak);
            csv.WriteField(year.Band.Code());
            csv.WriteField(result.Proposed.Code());
            csv.WriteField(result.DemotedByQuota ? "quota" : "");
            csv.EndRecord();
        }
    }
}
