using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Attendance;
using PartyFunctions.Organisation;
using PartyFunctions.Presentation.Remediation;
using PartyFunctions.Presentation.Status;

namespace PartyFunctions.Presentation.Attendance;

/// <summary>
/// The member's desk (Templates/Attendance/desk.liquid, Vietnamese; <c>?lang=en</c>): one card per unit followed, most
/// urgent first, with its twelve months coloured by band (each a link to the month's confirm sheet, or for a missing
/// month to the attendance form), confirmed and attended months marked, open alerts, the plan, the last attendance.
/// </summary>
public sealed class DeskPage
{
    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Bàn làm việc của đồng chí", ["otherLang"] = "English", ["updated"] = "cập nhật", ["year"] = "Năm",
        ["units"] = "Đơn vị theo dõi", ["urgent"] = "Cần quan tâm", ["none"] = "Đồng chí chưa được phân công theo dõi đơn vị nào trong phạm vi này.",
        ["legend"] = "✓: cấp trên đã xác nhận · ◉: đã dự sinh hoạt · viền đứt: nộp muộn. Bấm vào tháng để xem phiếu chấm.",
        ["alerts"] = "Cảnh báo đang mở", ["noAlerts"] = "không có", ["daysOpen"] = "mở {0} ngày", ["plan"] = "Kế hoạch khắc phục",
        ["overdue"] = "quá hạn", ["review"] = "xem", ["lastAttendance"] = "Lần dự sinh hoạt gần nhất", ["never"] = "chưa dự lần nào trong năm",
        ["dutyDue"] = "Chưa dự sinh hoạt kỳ này", ["duty"] = "Dự sinh hoạt kỳ {0} – {1}", ["dutyLeft"] = "Chưa dự sinh hoạt:", ["openedToday"] = "mở hôm nay",
        ["dutyRule.assigned"] = "Mỗi đơn vị được đồng chí phụ trách dự sinh hoạt ít nhất một lần mỗi {0} tháng.",
        ["dutyRule.anyone"] = "Mỗi đơn vị được dự sinh hoạt ít nhất một lần mỗi {0} tháng.", ["dutyDone"] = "Đồng chí đã dự sinh hoạt đủ các đơn vị trong kỳ này.", ["attend"] = "Ghi biên bản dự sinh hoạt", ["code"] = "Mã", ["attendedMark"] = "đã dự sinh hoạt",
        ["scope"] = "Phạm vi",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "The desk of", ["otherLang"] = "Tiếng Việt", ["updated"] = "updated", ["year"] = "Year",
        ["units"] = "Units followed", ["urgent"] = "Need attention", ["none"] = "You follow no unit within this scope.",
        ["legend"] = "✓: confirmed by the superior · ◉: meeting attended · dashed border: submitted late. Open a month for its score sheet.",
        ["alerts"] = "Open alerts", ["noAlerts"] = "none", ["daysOpen"] = "open {0} days", ["plan"] = "Remediation plan",
        ["overdue"] = "overdue", ["review"] = "open", ["lastAttendance"] = "Last meeting attended", ["never"] = "none this year",
        ["dutyDue"] = "Not attended this period", ["duty"] = "Attendance from {0} to {1}", ["dutyLeft"] = "Not attended yet:", ["openedToday"] = "opened today",
        ["dutyRule.assigned"] = "Each unit is attended by its assigned member at least once every {0} months.",
        ["dutyRule.anyone"] = "Each unit is attended at least once every {0} months.", ["dutyDone"] = "You attended every unit this period.", ["attend"] = "Record an attendance", ["code"] = "Id", ["attendedMark"] = "meeting attended",
        ["scope"] = "Scope",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("desk");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(UnitView), typeof(MonthView), typeof(AlertView));

    /// <summary>The page; its language link carries the same signed <paramref name="link"/>.</summary>
    public string Html(string language, string memberKey, MemberDesk desk, string? link)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var en = language == "en";
        var t = en ? En : Vi;
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("member", desk.MemberName);
        context.SetValue("scope", desk.ScopeName);
        context.SetValue("year", desk.Year.ToString(CultureInfo.InvariantCulture));
        context.SetValue("at", VietnamDate.Format(desk.At));
        context.SetValue("count", desk.Units.Count);
        context.SetValue("urgent", desk.Urgent);
        context.SetValue("otherLangUrl", Routes.Path(Routes.Desk, memberKey) + "?link=" + Uri.EscapeDataString(link ?? string.Empty) + (en ? string.Empty : "&lang=en"));
        var lang = en ? "&lang=en" : string.Empty;
        context.SetValue("dutyTitle", string.Format(CultureInfo.InvariantCulture, t["duty"], Wording.Date(desk.Duty.From), Wording.Date(desk.Duty.To)));
        context.SetValue("dutyRule", string.Format(CultureInfo.InvariantCulture, t[desk.DutyByAssignedMember ? "dutyRule.assigned" : "dutyRule.anyone"], desk.Duty.Months));
        context.SetValue("notAttended", desk.NotAttended.Select(u => new AlertView(u.Name, "#unit-" + u.UnitId)).ToList());
        context.SetValue("units", desk.Units.Select(u => new UnitView(
            u.UnitId, u.Name, u.Urgency > 0, u.DutyDue,
            u.Months.Select(m =>
            {
                var cell = MonthCells.Of(m.Month, en);
                return new MonthView(cell.Number, cell.Label, cell.Css, cell.Title + (m.Attended ? ", " + t["attendedMark"] : string.Empty),
                    m.Url is null ? null : m.Url + lang, cell.Confirmed, m.Attended);
            }).ToList(),
            u.OpenAlerts.Select(a => new AlertView(
                $"{Wording.Rule(a.Rule, en)} ({Wording.Month(a.Period, en)}), {(a.DaysOpen == 0 ? t["openedToday"] : string.Format(CultureInfo.InvariantCulture, t["daysOpen"], a.DaysOpen))}",
                a.Url is null ? null : a.Url + lang)).ToList(),
            u.Plan is { } plan ? $"{PlanWording.State(plan.State, en)} – {Wording.Rule(plan.Rule, en)} ({Wording.Month(plan.Period, en)})" : null,
            u.Plan?.Overdue == true, u.Plan?.ReviewUrl is { } review ? review + lang : null,
            u.LastAttendance is { } last ? $"{Wording.Date(last.MeetingDate)} – {last.RecordedBy}" + (last.Score is { } s ? $" ({Wording.Number(s.Total, en)} {(en ? "points" : "điểm")})" : string.Empty) : t["never"],
            u.AttendUrl + lang)).ToList());
        return template.Render(context, LiquidTemplates.Html);
    }

    private sealed record UnitView(
        string UnitId, string Name, bool Urgent, bool DutyDue, IReadOnlyList<MonthView> Months, IReadOnlyList<AlertView> Alerts,
        string? Plan, bool PlanOverdue, string? PlanUrl, string LastAttendance, string AttendUrl);

    private sealed record MonthView(string Number, string Label, string Css, string Title, string? Url, bool Confirmed, bool Attended);

    private sealed record AlertView(string Text, string? Url);
}
