using System.Globalization;
using CsvHelper;
using PartyFunctions.Csv;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Health;
using PartyFunctions.Notifications;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;
using PartyFunctions.Status;

namespace PartyFunctions.Presentation.Status;

/// <summary>
/// The superiors' pages (Liquid templates in Templates/Status, Vietnamese first): the monthly status with counts and an
/// inline SVG bar chart of the bands, its CSV (UTF-8 with BOM, for Excel), and the acknowledge confirmation page.
/// Every value is HTML-encoded; the pages load nothing from elsewhere.
/// </summary>
public sealed class StatusPages
{
    private static readonly string[] BandColours = ["#c62828", "#ef6c00", "#1565c0", "#2e7d32"];
    private readonly IFluidTemplate status = LiquidTemplates.Get("status");
    private readonly IFluidTemplate acknowledge = LiquidTemplates.Get("acknowledge");
    private readonly IFluidTemplate adminStatus = LiquidTemplates.Get("admin-status");
    private readonly TemplateOptions options = LiquidTemplates.Options(
        typeof(StatusView), typeof(Bar), typeof(RowView), typeof(AcknowledgeView), typeof(AlertView), typeof(AdminStatusView), typeof(LocalizedText));

    /// <summary>The status page; its CSV link carries the same signed <paramref name="link"/>.</summary>
    public string StatusHtml(StatusReport report, string? link)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csvUrl = $"{Routes.Path(Routes.StatusCsv, report.UnitId, report.Period.ToString())}?link={Uri.EscapeDataString(link ?? string.Empty)}";
        var yearUrl = $"{Routes.Path(Routes.YearGrid, report.UnitId, report.Period.Year.ToString(CultureInfo.InvariantCulture))}?link={Uri.EscapeDataString(link ?? string.Empty)}";
        var dutyUrl = $"{Routes.Path(Routes.AttendanceDuty, report.UnitId, report.Period.ToString())}?link={Uri.EscapeDataString(link ?? string.Empty)}";
        var counts = Enum.GetValues<Band>().Reverse().Select(b => (Label: b.Vietnamese(), Count: report.Count(b), Colour: BandColours[(int)b]))
            .Append((Label: "Chưa có", Count: report.NoBand, Colour: "#9e9e9e")).ToList();
        var max = Math.Max(1, counts.Max(c => c.Count));
        var bars = counts.Select((c, i) =>
        {
            var height = (int)Math.Round(100.0 * c.Count / max);
            return new Bar(c.Label, c.Count, c.Colour, 10 + (i * 70), 120 - height, height, 35 + (i * 70), 115 - height);
        }).ToList();
        var view = new StatusView(
            report.UnitName, Wording.Month(report.Period, en: false), VietnamDate.Format(report.At), report.Rows.Count,
            report.Count(SubmissionStatus.Submitted), report.Count(SubmissionStatus.Late), report.Count(SubmissionStatus.NotReported),
            report.Count(SubmissionStatus.Pending), report.OpenAlerts, 20 + (counts.Count * 70), bars, csvUrl, yearUrl, dutyUrl, report.Period.Year,
            report.Rows.Select(r => new RowView(r.UnitId, r.Name, r.SuperiorName, r.Status.ToString(), StatusText(r.Status),
                r.Band?.Vietnamese() ?? string.Empty, r.Total is { } total ? Wording.Number(total, en: false) : string.Empty,
                string.Join("; ", r.OpenAlerts.Select(a => Wording.AlertLabel(a, en: false))),
                r.Observed is { } both ? Wording.SelfObserved(both, en: false) : string.Empty)).ToList());
        var context = new TemplateContext(view, options);
        context.SetValue("style", Stylesheet.Css);
        return status.Render(context, LiquidTemplates.Html);
    }

    /// <summary>The same lines as the page, as CSV with a BOM so that Excel reads the Vietnamese letters.</summary>
    public static byte[] StatusCsv(StatusReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.Writer, leaveOpen: true))
        {
            // The self-against-observed columns come last, so that readers of the earlier columns keep working.
            csv.WriteHeader(["unitId", "name", "superior", "status", "statusVi", "band", "bandVi", "total", "openAlerts",
                "selfTotal", "observedTotal", "observedBand", "difference"]);
            foreach (var r in report.Rows)
            {
                foreach (var field in new[]
                {
                    r.UnitId, r.Name, r.SuperiorName, r.Status.ToString(), StatusText(r.Status), r.Band?.Code() ?? string.Empty,
                    r.Band?.Vietnamese() ?? string.Empty, r.Total?.ToString("0.#", CultureInfo.InvariantCulture) ?? string.Empty,
                    string.Join("; ", r.OpenAlerts),
                })
                {
                    csv.WriteField(field);
                }

                // Numbers as numbers: a self-score below the observed one is -2.5, not text escaped like a formula.
                csv.WriteField(r.Observed?.SelfTotal, "0.##");
                csv.WriteField(r.Observed?.ObservedTotal, "0.##");
                csv.WriteField(r.Observed?.ObservedBand.Code() ?? string.Empty);
                csv.WriteField(r.Observed?.Difference, "0.##");

                csv.EndRecord();
            }
        }

        return ExcelCsv.Bytes(text.ToString());
    }

    public string AcknowledgeHtml(AcknowledgeResult result, string? token)
    {
        ArgumentNullException.ThrowIfNull(result);
        var alert = result.Alert is { } a
            ? new AlertView(a.Key.UnitId, a.UnitName, Wording.Rule(a.Key.Rule, en: false), Wording.Month(a.Key.Period, en: false), StateLine(a))
            : null;
        var open = result.Status == AcknowledgeStatus.Found && result.Alert?.State == AlertState.Open;
        var headline = result.Status switch
        {
            AcknowledgeStatus.Acknowledged => "Đã ghi nhận: đồng chí đã nắm cảnh báo này",
            _ when open => "Xác nhận đã nắm cảnh báo",
            _ => "Cảnh báo này đã được xử lý",
        };
        var view = new AcknowledgeView(headline, alert, open, token ?? string.Empty, Routes.Path(Routes.AcknowledgeAlert));
        var context = new TemplateContext(view, options);
        context.SetValue("style", Stylesheet.Css);
        return acknowledge.Render(context, LiquidTemplates.Html);
    }

    /// <summary>The alert's state, and for one already acknowledged or resolved: who and when.</summary>
    private static string StateLine(Alert alert)
    {
        var state = Wording.State(alert.State, en: false);
        var done = alert.History.LastOrDefault(t => t.Event is AlertTransition.Acknowledged or AlertTransition.Resolved);
        if (alert.State == AlertState.Open || done is null)
        {
            return state;
        }

        var who = done.Level is { } level && alert.Chain.FirstOrDefault(s => s.Level == level) is { } step
            ? $"cấp {level}: {step.Name ?? step.RecipientUnitId}"
            : alert.Chain.FirstOrDefault(s => done.Actor.Contains($"({s.RecipientUnitId})", StringComparison.Ordinal)) is { } by
                ? $"cấp {by.Level}: {by.Name ?? by.RecipientUnitId}"
                : null;
        return $"{state} lúc {VietnamDate.Format(done.At)}" + (who is null ? string.Empty : $" ({who})");
    }

    /// <summary>The administrators' page: health, late timers, and above all whether email is configured.</summary>
    public string AdminStatusHtml(HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var view = new AdminStatusView(report.Status, report.Email, report.Email != EmailStatus.NotConfigured, report.LateTimers, report.Version);
        return adminStatus.Render(new TemplateContext(view, options), LiquidTemplates.Html);
    }

    private static string StatusText(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Submitted => "Đã nộp",
        SubmissionStatus.Late => "Nộp muộn",
        SubmissionStatus.NotReported => "Chưa báo cáo",
        _ => "Chưa nộp (chưa đến hạn chốt)",
    };

    private sealed record StatusView(
        string UnitName, string Period, string At, int Total, int Submitted, int Late, int NotReported, int Pending, int OpenAlerts,
        int ChartWidth, IReadOnlyList<Bar> Bars, string CsvUrl, string YearUrl, string DutyUrl, int Year, IReadOnlyList<RowView> Rows);

    private sealed record Bar(string Label, int Count, string Colour, int X, int Y, int Height, int LabelX, int CountY);

    private sealed record RowView(
        string UnitId, string Name, string SuperiorName, string StatusCode, string Status, string Band, string Total, string Alerts, string Observed);

    private sealed record AcknowledgeView(string Headline, AlertView? Alert, bool CanAcknowledge, string Token, string Action);

    private sealed record AdminStatusView(string Status, string Email, bool EmailConfigured, IReadOnlyList<string> LateTimers, string Version);

    private sealed record AlertView(string UnitId, string UnitName, string Rule, string Period, string State);
}
