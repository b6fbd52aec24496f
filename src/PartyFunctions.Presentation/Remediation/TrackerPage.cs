using System.Globalization;
using CsvHelper;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Csv;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;

namespace PartyFunctions.Presentation.Remediation;

/// <summary>
/// The committee's tracker of remediation plans (Templates/Remediation/tracker.liquid, Vietnamese; <c>?lang=en</c>): counts
/// by state, sort links (plain links, no script), one card per row so that it fits a phone, and the same rows as CSV
/// with a BOM. The CSV carries no links: they are credentials, and a spreadsheet travels further than a page.
/// </summary>
public sealed class TrackerPage
{
    public static readonly string[] CsvHeader =
    [
        "unitId", "unitName", "rule", "ruleVi", "period", "state", "stateVi", "daysSinceAlert", "alertOpen", "itemsDone", "itemsOpen",
        "itemsOverdue", "findings", "late", "assignedMember", "lastActionAt", "lastActionBy", "lastAction",
    ];

    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Theo dõi kế hoạch khắc phục năm",
        ["otherLang"] = "English",
        ["updated"] = "cập nhật",
        ["rows"] = "Đơn vị phải khắc phục",
        ["late"] = "Quá hạn",
        ["csv"] = "Tải bảng CSV (mở bằng Excel)",
        ["sortBy"] = "Sắp xếp",
        ["sort.late"] = "quá hạn nhiều nhất",
        ["sort.waiting"] = "chờ lâu nhất",
        ["sort.unit"] = "theo đơn vị",
        ["none"] = "Chưa có đơn vị nào phải lập kế hoạch khắc phục trong năm này.",
        ["lateTag"] = "Quá hạn",
        ["alertDays"] = "Cảnh báo mở {0} ngày trước",
        ["alertResolved"] = "cảnh báo đã giải quyết",
        ["items"] = "Nội dung: {0} xong, {1} đang làm, {2} quá hạn",
        ["findings"] = "Hạn chế cấp trên chỉ ra: {0}",
        ["member"] = "Đồng chí theo dõi",
        ["noMember"] = "chưa phân công",
        ["lastAction"] = "Việc gần nhất",
        ["noAction"] = "chưa có",
        ["review"] = "Xem kế hoạch",
        ["recordFindings"] = "Ghi hạn chế cấp trên chỉ ra",
        ["code"] = "Mã",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "Remediation plans of",
        ["otherLang"] = "Tiếng Việt",
        ["updated"] = "updated",
        ["rows"] = "Units to remediate",
        ["late"] = "Overdue",
        ["csv"] = "Download as CSV (opens in Excel)",
        ["sortBy"] = "Sort",
        ["sort.late"] = "most overdue first",
        ["sort.waiting"] = "waiting longest first",
        ["sort.unit"] = "by unit",
        ["none"] = "No unit has to write a remediation plan this year.",
        ["lateTag"] = "Overdue",
        ["alertDays"] = "Alert opened {0} days ago",
        ["alertResolved"] = "alert resolved",
        ["items"] = "Items: {0} done, {1} open, {2} overdue",
        ["findings"] = "Findings pointed out: {0}",
        ["member"] = "Assigned member",
        ["noMember"] = "none assigned",
        ["lastAction"] = "Last action",
        ["noAction"] = "none yet",
        ["review"] = "Open the plan",
        ["recordFindings"] = "Record findings",
        ["code"] = "Id",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("tracker");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(RowView), typeof(SortLink), typeof(Count));

    /// <summary>The page; its sort, language and CSV links carry the same signed <paramref name="link"/>.</summary>
    public string Html(string language, PlanTracker tracker, string? link)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var en = language == "en";
        var t = en ? En : Vi;
        var year = tracker.Year.ToString(CultureInfo.InvariantCulture);
        var page = Routes.Path(Routes.PlanTracker, tracker.UnitId, year) + "?link=" + Uri.EscapeDataString(link ?? string.Empty);
        var sort = "&sort=" + ViewPlanTracker.NameOf(tracker.Sort);
        var lang = en ? "&lang=en" : string.Empty;
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("unitName", tracker.UnitName);
        context.SetValue("year", year);
        context.SetValue("at", VietnamDate.Format(tracker.At));
        context.SetValue("otherLangUrl", page + sort + (en ? string.Empty : "&lang=en"));
        context.SetValue("csvUrl", Routes.Path(Routes.PlanTrackerCsv, tracker.UnitId, year) + "?link=" + Uri.EscapeDataString(link ?? string.Empty) + sort);
        context.SetValue("sorts", ViewPlanTracker.SortNames.Select((name, i) =>
            new SortLink(t["sort." + name], $"{page}&sort={name}{lang}", (int)tracker.Sort == i)).ToList());
        context.SetValue("counts", new[] { new Count(t["rows"], tracker.Rows.Count), new Count(t["late"], tracker.Late) }
            .Concat(Enum.GetValues<TrackerPlanState>().Select(s => new Count(PlanWording.State(s, en), tracker.Count(s)))).ToList());
        context.SetValue("rows", tracker.Rows.Select(r => new RowView(
            r.UnitId, r.UnitName, Wording.Rule(r.Rule, en), Wording.Month(r.Period, en), r.State.ToString(), PlanWording.State(r.State, en), r.Late,
            r.DaysSinceAlert is { } days ? string.Format(CultureInfo.InvariantCulture, t["alertDays"], days) + (r.AlertOpen ? string.Empty : ", " + t["alertResolved"]) : null,
            string.Format(CultureInfo.InvariantCulture, t["items"], r.ItemsDone, r.ItemsOpen, r.ItemsOverdue),
            r.Findings > 0 ? string.Format(CultureInfo.InvariantCulture, t["findings"], r.Findings) : null,
            r.AssignedMember ?? t["noMember"], r.LastAction is { } a ? ActionText(a, en) : t["noAction"],
            r.ReviewUrl, r.FindingsUrl is null ? null : r.FindingsUrl + lang)).ToList());
        return template.Render(context, LiquidTemplates.Html);
    }

    /// <summary>The same rows as the page, in its order, as CSV with a BOM (the one CSV writer: formula-like cells escaped).</summary>
    public static byte[] Csv(PlanTracker tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.Writer, leaveOpen: true))
        {
            csv.WriteHeader(CsvHeader);
            foreach (var r in tracker.Rows)
            {
                foreach (var field in new[]
                {
                    r.UnitId, r.UnitName, r.Rule, Wording.Rule(r.Rule, en: false), r.Period, r.State.ToString(), PlanWording.State(r.State, en: false),
                    r.DaysSinceAlert?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Flag(r.AlertOpen),
                    Number(r.ItemsDone), Number(r.ItemsOpen), Number(r.ItemsOverdue), Number(r.Findings), Flag(r.Late), r.AssignedMember ?? string.Empty,
                    r.LastAction is { } a ? a.At.ToOffset(VietnamDate.Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : string.Empty,
                    r.LastAction?.Actor ?? string.Empty, r.LastAction is { } b ? ActionText(b, en: false) : string.Empty,
                })
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return ExcelCsv.Bytes(text.ToString());
    }

    /// <summary>"Trả lại để sửa – Nguyễn Văn An, 10:00 ngày 05/01/2026: thiếu thời hạn".</summary>
    private static string ActionText(PlanAction action, bool en)
    {
        var what = PlanWording.Action(action.Kind, en);
        var item = action.ItemId is null ? string.Empty : " " + action.ItemId;
        var note = string.IsNullOrWhiteSpace(action.Note) ? string.Empty : ": " + action.Note;
        return $"{what}{item} – {action.Actor}, {VietnamDate.Format(action.At)}{note}";
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "yes" : "no";

    private sealed record RowView(
        string UnitId, string UnitName, string Rule, string Period, string StateCode, string State, bool Late, string? Alert, string Items,
        string? Findings, string Member, string LastAction, string? ReviewUrl, string? FindingsUrl);

    private sealed record SortLink(string Label, string Url, bool Current);

    private sealed record Count(string Label, int Value);
}
