using System.Globalization;
using CsvHelper;
using PartyFunctions.Csv;
using Fluid;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Presentation.AnnualRun;

/// <summary>
/// The annual report of one unit (a committee's cells, or a whole province): an HTML page in Vietnamese with counts
/// per level, an inline SVG bar chart and the table of units, and the same table as CSV. Every value is HTML-encoded;
/// nothing is fetched from elsewhere.
/// </summary>
public sealed class AnnualReportRenderer : IAnnualReportRenderer
{
    public static readonly string[] CsvHeader =
        ["unitId", "unitName", "superiorId", "required", "tot", "kha_or_better", "kem", "yearBand", "proposed", "final", "flags",
            "observedMonths", "selfVsObserved", "largestDifference"];

    private static readonly TemplateOptions Options = LiquidTemplates.Options(typeof(ReportView), typeof(LevelCount), typeof(Bar), typeof(RowView));
    private readonly IFluidTemplate template = LiquidTemplates.Get("report.vi");
    private static readonly (Level Level, string Name, string Color)[] Levels =
    [
        (Level.Excellent, "HTXSNV", "#1b7f3b"),
        (Level.Good, "HTTNV", "#4a90d9"),
        (Level.Complete, "HTNV", "#e0a800"),
        (Level.Failed, "KHTNV", "#c62828"),
    ];

    public AnnualReport Render(Unit unit, ClassificationRun run, IReadOnlyList<AnnualResult> results)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(run);
        var ordered = results.OrderBy(r => r.SuperiorId, StringComparer.Ordinal).ThenBy(r => r.UnitId, StringComparer.Ordinal).ToList();
        return new AnnualReport(RenderHtml(unit, run, ordered), RenderCsv(ordered));
    }

    private string RenderHtml(Unit unit, ClassificationRun run, List<AnnualResult> results)
    {
        var counts = Levels.Select(l => new LevelCount(
            Wording.Level(l.Level, en: false), results.Count(r => r.Proposed == l.Level), results.Count(r => r.Final == l.Level))).ToList();
        var widest = Math.Max(1, counts.Max(c => c.Proposed));
        var bars = Levels.Select((l, i) => new Bar(l.Name, counts[i].Proposed, 24 * i, 200 * counts[i].Proposed / widest, l.Color)).ToList();
        var model = new ReportView(
            unit.Name, run.Year, run.RunId, run.ThroughMonth, run.PackId, results.Count,
            results.Count(r => r.Proposed is null), counts, bars, 24 * bars.Count,
            results.Select(Row).ToList());
        var context = new TemplateContext(model, Options);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("trackerUrl", AnnualReport.TrackerLinkMarker);
        return template.Render(context, LiquidTemplates.Html);
    }

    private static string RenderCsv(List<AnnualResult> results)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.Writer, leaveOpen: true))
        {
            csv.WriteHeader(CsvHeader);
            foreach (var r in results)
            {
                csv.WriteField(r.UnitId);
                csv.WriteField(r.UnitName);
                csv.WriteField(r.SuperiorId);
                csv.WriteField(r.Required);
                csv.WriteField(r.Good);
                csv.WriteField(r.FairOrBetter);
                csv.WriteField(r.Weak);
                csv.WriteField(r.YearBand.Code());
                csv.WriteField(r.Proposed.Code());
                csv.WriteField(r.Final.Code());
                csv.WriteField(Flags(r));
                // Self against observed last, so readers of the earlier columns keep working: "2026-03 95/84/11; …".
                csv.WriteField(r.Observed.Count);
                csv.WriteField(string.Join("; ", r.Observed.Select(o => string.Create(CultureInfo.InvariantCulture,
                    $"{r.Year}-{o.Month:00} {o.Scores.SelfTotal:0.##}/{o.Scores.ObservedTotal:0.##}/{o.Scores.Difference:0.##}"))));
                csv.WriteField(r.Observed.Count == 0 ? (decimal?)null : r.Observed.Max(o => o.Scores.Difference), "0.##");
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static RowView Row(AnnualResult r) =>
        new(r.UnitId, r.UnitName, r.Required, r.Good, r.FairOrBetter, r.Weak,
            r.YearBand is { } band ? band.Vietnamese() : "Chưa đủ dữ liệu", r.Proposed.Code(), r.Final.Code(), Remarks(r),
            [.. r.Observed.Select(o => $"Tháng {o.Month:00}: " + Wording.SelfObserved(o.Scores, en: false))]);

    private static string Remarks(AnnualResult r) =>
        string.Join("; ", new[] { r.DemotedByQuota ? "vượt tỷ lệ" : null, r.Decision is { Override: true } ? "cấp ủy quyết định khác đề xuất" : null }.OfType<string>());

    private static string Flags(AnnualResult r) =>
        string.Join(' ', new[] { r.DemotedByQuota ? "quota" : null, r.Decision is { Override: true } ? "override" : null }.OfType<string>());

    private sealed record ReportView(
        string UnitName, int Year, string RunId, int ThroughMonth, string PackId, int Total, int Insufficient,
        IReadOnlyList<LevelCount> Levels, IReadOnlyList<Bar> Bars, int ChartHeight, IReadOnlyList<RowView> Rows);

    private sealed record LevelCount(string Name, int Proposed, int Final);

    private sealed record Bar(string Label, int Count, int Y, int Width, string Color);

    private sealed record RowView(
        string UnitId, string UnitName, int Required, int Good, int FairOrBetter, int Weak, string YearBand, string Proposed, string Final, string Flags,
        IReadOnlyList<string> Observed);
}
