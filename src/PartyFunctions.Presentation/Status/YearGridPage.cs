using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Status;

namespace PartyFunctions.Presentation.Status;

/// <summary>
/// The year view of the monthly status (Templates/Status/year-grid.liquid, Vietnamese; <c>?lang=en</c>): the totals per
/// month as a narrow table (months down, bands across), then one card per cell with its twelve coloured months, or per
/// committee with an inline SVG of its cells' share of bands per month. No script; the CSV has one line per unit and month.
/// </summary>
public sealed class YearGridPage
{
    public static readonly string[] CsvHeader =
    [
        "unitId", "unitName", "cells", "period", "state", "band", "bandVi", "total", "late", "confirmed",
        "tot", "kha", "trungBinh", "kem", "missing", "lateCount", "pending",
    ];

    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Cả năm", ["otherLang"] = "English", ["updated"] = "cập nhật", ["csv"] = "Tải bảng CSV (mở bằng Excel)",
        ["totals"] = "Tổng hợp từng tháng", ["month"] = "Tháng", ["cellRows"] = "Từng chi bộ", ["committeeRows"] = "Từng đảng bộ trực thuộc",
        ["cells"] = "chi bộ", ["share"] = "Tỷ lệ xếp loại các chi bộ theo tháng", ["legend"] = "Chú giải",
        ["late"] = "Muộn", ["lateNote"] = "viền đứt: nộp muộn", ["confirmedNote"] = "✓: cấp trên đã xác nhận", ["pending"] = "…: chưa đến hạn",
        ["none"] = "Không có chi bộ nào phải báo cáo trong năm này.", ["monthly"] = "Xem tình hình tháng", ["code"] = "Mã",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "The year", ["otherLang"] = "Tiếng Việt", ["updated"] = "updated", ["csv"] = "Download as CSV (opens in Excel)",
        ["totals"] = "Totals per month", ["month"] = "Month", ["cellRows"] = "Cells", ["committeeRows"] = "Committees below",
        ["cells"] = "cells", ["share"] = "Share of bands of the cells per month", ["legend"] = "Legend",
        ["late"] = "Late", ["lateNote"] = "dashed border: submitted late", ["confirmedNote"] = "✓: confirmed by the superior", ["pending"] = "…: not due yet",
        ["none"] = "No cell had to report this year.", ["monthly"] = "Monthly status", ["code"] = "Id",
    };

    private static readonly Band[] BandsDown = [Band.Good, Band.Fair, Band.Average, Band.Weak];

    private readonly IFluidTemplate template = LiquidTemplates.Get("year-grid");
    private readonly TemplateOptions options = LiquidTemplates.Options(
        typeof(RowView), typeof(TotalView), typeof(MonthCell), typeof(BarView), typeof(LegendItem));

    /// <summary>The page; its language, CSV and monthly links carry the same signed <paramref name="link"/>.</summary>
    public string Html(string language, YearGrid grid, string? link)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var en = language == "en";
        var t = en ? En : Vi;
        var year = grid.Year.ToString(CultureInfo.InvariantCulture);
        var token = "?link=" + Uri.EscapeDataString(link ?? string.Empty);
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("unitName", grid.UnitName);
        context.SetValue("year", year);
        context.SetValue("at", VietnamDate.Format(grid.At));
        context.SetValue("rowsAreCells", grid.RowsAreCells);
        context.SetValue("otherLangUrl", Routes.Path(Routes.YearGrid, grid.UnitId, year) + token + (en ? string.Empty : "&lang=en"));
        context.SetValue("csvUrl", Routes.Path(Routes.YearGridCsv, grid.UnitId, year) + token);
        var today = VietnamDate.DayOf(grid.At);
        var lastMonth = today.Year == grid.Year ? Math.Max(1, today.Month - 1) : 12;
        context.SetValue("monthlyUrl", Routes.Path(Routes.Status, grid.UnitId, $"{year}-{lastMonth:00}") + token);
        context.SetValue("bands", BandsDown.Select(b => MonthCells.ShortBand(b, en)).Append(MonthCells.MissingLabel(en)).Append(t["late"]).ToList());
        context.SetValue("legend", BandsDown.Select(b => new LegendItem(MonthCells.ShortBand(b, en), "b-" + b, en ? b.English() : b.Vietnamese()))
            .Append(new LegendItem(MonthCells.MissingLabel(en), "b-Missing", en ? "not reported" : "chưa báo cáo")).ToList());
        context.SetValue("totals", grid.Totals.Select(c => new TotalView(
            "T" + c.Month.ToString(CultureInfo.InvariantCulture), [.. BandsDown.Select(c.Count), c.Missing, c.Late])).ToList());
        context.SetValue("rows", grid.Rows.Select(r => new RowView(
            r.UnitId, r.Name, r.Cells, r.Months.Select(m => MonthCells.Of(m, en)).ToList(), grid.RowsAreCells ? [] : Bars(r, en),
            string.Format(CultureInfo.InvariantCulture, "{0}: {1} {2}", t["share"], r.Cells, t["cells"]))).ToList());
        return template.Render(context, LiquidTemplates.Html);
    }

    /// <summary>Every unit's twelve months as CSV with a BOM (the one CSV writer: formula-like cells escaped).</summary>
    public static byte[] Csv(YearGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return ExcelCsv.Table(CsvHeader, grid.Rows.SelectMany(r => r.Counts.Select(c => Line(grid.Year, r, c))));
    }

    private static string[] Line(int year, YearGridRow r, MonthCounts c)
    {
        var month = r.Months.Count == 12 ? r.Months[c.Month - 1] : null;
        return
        [
            r.UnitId, r.Name, Number(r.Cells), string.Create(CultureInfo.InvariantCulture, $"{year}-{c.Month:00}"), month?.State.ToString() ?? string.Empty,
            month?.Band?.Code() ?? string.Empty, month?.Band?.Vietnamese() ?? string.Empty,
            month?.Total?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
            month is null ? string.Empty : Flag(month.Late), month is null ? string.Empty : Flag(month.Confirmed),
            Number(c.Good), Number(c.Fair), Number(c.Average), Number(c.Weak), Number(c.Missing), Number(c.Late), Number(c.Pending),
        ];
    }

    /// <summary>A committee's months as stacked columns (Tốt at the bottom), each band's share of its cells that month.</summary>
    private static List<BarView> Bars(YearGridRow row, bool en)
    {
        var bars = new List<BarView>();
        foreach (var c in row.Counts)
        {
            var all = c.Scored + c.Missing;
            var y = 100.0;
            var parts = BandsDown.Select(b => (Count: c.Count(b), Colour: MonthCells.Colours[(int)b], Label: MonthCells.ShortBand(b, en)))
                .Append((Count: c.Missing, Colour: MonthCells.Colours[4], Label: MonthCells.MissingLabel(en)));
            foreach (var (count, colour, label) in parts.Where(p => p.Count > 0))
            {
                var height = 100.0 * count / all;
                y -= height;
                bars.Add(new BarView(4 + ((c.Month - 1) * 24), Round(y), Round(height), colour,
                    $"T{c.Month.ToString(CultureInfo.InvariantCulture)} {label}: {count.ToString(CultureInfo.InvariantCulture)}/{all.ToString(CultureInfo.InvariantCulture)}", null));
            }

            bars.Add(new BarView(14 + ((c.Month - 1) * 24), "114", "0", string.Empty, string.Empty, c.Month.ToString(CultureInfo.InvariantCulture)));
        }

        return bars;
    }

    private static string Round(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "yes" : "no";

    private sealed record RowView(string UnitId, string Name, int Cells, IReadOnlyList<MonthCell> Months, IReadOnlyList<BarView> Bars, string ShareLabel);

    private sealed record TotalView(string Month, IReadOnlyList<int> Counts);

    /// <summary>A rectangle of the chart, or (with <see cref="Text"/>) the month's number under its column.</summary>
    private sealed record BarView(int X, string Y, string Height, string Colour, string Title, string? Text);

    /// <summary>A colour of the legend: "TB: Trung bình", or the label alone when it is the name ("Tốt").</summary>
    private sealed record LegendItem(string Label, string Css, string Title)
    {
        public string Text => Label == Title ? Label : $"{Label}: {Title}";
    }
}
