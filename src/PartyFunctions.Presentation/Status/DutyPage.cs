using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Attendance;
using PartyFunctions.Organisation;

namespace PartyFunctions.Presentation.Status;

/// <summary>
/// The attendance duty beside the monthly status (Templates/Status/duty.liquid, Vietnamese; <c>?lang=en</c>): the duty
/// period, then one card per assigned member with the units they follow not attended yet. No script.
/// </summary>
public sealed class DutyPage
{
    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Dự sinh hoạt theo kỳ", ["otherLang"] = "English", ["updated"] = "cập nhật", ["monthly"] = "Xem tình hình tháng",
        ["period"] = "Kỳ {0}–{1}: mỗi đơn vị được dự sinh hoạt ít nhất một lần trong {2} tháng",
        ["byAssigned"] = ", do đồng chí phụ trách dự", ["byAnyone"] = ", do bất kỳ đồng chí nào dự",
        ["running"] = "Kỳ đang diễn ra.", ["ended"] = "Kỳ đã kết thúc.",
        ["followed"] = "Đơn vị phải được dự sinh hoạt", ["notAttended"] = "Chưa được dự sinh hoạt", ["members"] = "Từng đồng chí phụ trách",
        ["count"] = "Phụ trách {0} đơn vị, chưa dự {1}.", ["done"] = "Đã dự đủ các đơn vị trong kỳ.", ["unassigned"] = "Chưa phân công đồng chí phụ trách",
        ["none"] = "Không có đơn vị nào trực thuộc trong kỳ này.", ["code"] = "mã",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "Attendance duty", ["otherLang"] = "Tiếng Việt", ["updated"] = "updated", ["monthly"] = "Monthly status",
        ["period"] = "Period {0}–{1}: each unit attended at least once every {2} months",
        ["byAssigned"] = ", by its assigned member", ["byAnyone"] = ", by any member",
        ["running"] = "The period is running.", ["ended"] = "The period has ended.",
        ["followed"] = "Units to attend", ["notAttended"] = "Not attended yet", ["members"] = "Members",
        ["count"] = "Follows {0} units, {1} not attended.", ["done"] = "Every unit attended this period.", ["unassigned"] = "No member assigned",
        ["none"] = "No unit below in this period.", ["code"] = "id",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("duty");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(MemberView), typeof(UnitView));

    /// <summary>The page; its language and monthly links carry the same signed <paramref name="link"/>.</summary>
    public string Html(string language, AttendanceDutyReport report, string? link)
    {
        ArgumentNullException.ThrowIfNull(report);
        var en = language == "en";
        var t = en ? En : Vi;
        var token = "?link=" + Uri.EscapeDataString(link ?? string.Empty);
        string Day(DateOnly day) => day.ToString(en ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture);
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("unitName", report.UnitName);
        context.SetValue("at", VietnamDate.Format(report.At));
        context.SetValue("period", string.Format(CultureInfo.InvariantCulture, t["period"], Day(report.Period.From), Day(report.Period.To), report.Period.Months)
            + t[report.ByAssignedMember ? "byAssigned" : "byAnyone"] + ".");
        context.SetValue("state", t[report.Running ? "running" : "ended"]);
        context.SetValue("followed", report.Followed.ToString(CultureInfo.InvariantCulture));
        context.SetValue("notAttended", report.NotAttended.ToString(CultureInfo.InvariantCulture));
        context.SetValue("otherLangUrl", Routes.Path(Routes.AttendanceDuty, report.UnitId, report.Month.ToString()) + token + (en ? string.Empty : "&lang=en"));
        context.SetValue("monthlyUrl", Routes.Path(Routes.Status, report.UnitId, report.Month.ToString()) + token);
        context.SetValue("members", report.Members.Select(m => new MemberView(
            m.Email is null ? t["unassigned"] : m.Name,
            string.Format(CultureInfo.InvariantCulture, t["count"], m.Followed.Count, m.NotAttended.Count),
            [.. m.NotAttended.Select(u => new UnitView(u.Id, u.Name))])).ToList());
        return template.Render(context, LiquidTemplates.Html);
    }

    private sealed record MemberView(string Name, string Count, IReadOnlyList<UnitView> NotAttended);

    private sealed record UnitView(string Id, string Name);
}
