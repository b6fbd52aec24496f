using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Classification;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Presentation;

/// <summary>
/// How every page and email writes numbers, months, dates, rules, alert states and levels: Vietnamese by default
/// ("tháng 11/2025", "05/12/2025", "42,5", "HTTNV – Hoàn thành tốt nhiệm vụ"), English only when asked for.
/// Codes never reach a reader unexplained.
/// </summary>
public static class Wording
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>A decimal comma in Vietnamese ("42,5"), a point in English; no trailing zeros.</summary>
    public static string Number(decimal value, bool en) => value.ToString("0.##", en ? CultureInfo.InvariantCulture : Vietnamese);

    /// <summary>"tháng 11/2025" (or "11/2025" in English) for a period "2025-11"; a year or anything else as it is.</summary>
    public static string Month(string? period, bool en) =>
        ScorePeriod.TryParse(period, out var p) ? Month(p, en) : period ?? string.Empty;

    public static string Month(ScorePeriod period, bool en) =>
        string.Create(CultureInfo.InvariantCulture, $"{(en ? "" : "tháng ")}{period.Month:00}/{period.Year}");

    /// <summary>"05/12/2025".</summary>
    public static string Date(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>How far a self-score stands from an observed one, in words ("tự chấm cao hơn 11 điểm").</summary>
    public static string Difference(decimal selfMinusObserved, bool en)
    {
        var points = Number(Math.Abs(selfMinusObserved), en);
        return selfMinusObserved switch
        {
            > 0 => en ? $"the self-score is {points} points higher" : $"tự chấm cao hơn {points} điểm",
            < 0 => en ? $"the self-score is {points} points lower" : $"tự chấm thấp hơn {points} điểm",
            _ => en ? "the same as the self-score" : "bằng điểm tự chấm",
        };
    }

    /// <summary>
    /// Both scores of a month and the difference: "Tự chấm 95 (Tốt); dự sinh hoạt 84 (Khá) – Nguyễn Văn A, ngày
    /// 12/03/2026; tự chấm cao hơn 11 điểm".
    /// </summary>
    public static string SelfObserved(PartyFunctions.Attendance.SelfObserved both, bool en)
    {
        ArgumentNullException.ThrowIfNull(both);
        return en
            ? $"Self-score {Number(both.SelfTotal, true)} ({both.SelfBand.English()}); observed {Number(both.ObservedTotal, true)} ({both.ObservedBand.English()}) – {both.ObservedBy}, {both.MeetingDate:yyyy-MM-dd}; {Difference(both.Difference, true)}"
            : $"Tự chấm {Number(both.SelfTotal, false)} ({both.SelfBand.Vietnamese()}); dự sinh hoạt {Number(both.ObservedTotal, false)} ({both.ObservedBand.Vietnamese()}) – {both.ObservedBy}, ngày {Date(both.MeetingDate)}; {Difference(both.Difference, false)}";
    }

    /// <summary>A stored "Vietnamese / English" text (an alert's detail) in the reader's language; a text without " / " as it is.</summary>
    public static string? OneLanguage(string? text, bool en)
    {
        var split = text?.IndexOf(" / ", StringComparison.Ordinal) ?? -1;
        return split < 0 ? text : en ? text![(split + 3)..] : text![..split];
    }

    /// <summary>An alert rule spelled out.</summary>
    public static string Rule(string? rule, bool en) => rule switch
    {
        AlertRules.Overdue => en ? "Not reported – overdue" : "Chưa báo cáo – quá hạn",
        AlertRules.WeakMonth => en ? "Meeting rated Weak" : "Sinh hoạt xếp loại Kém",
        AlertRules.NeedsConsolidation => en ? "Needs consolidation" : "Cần củng cố",
        AlertRules.AnnualWeak => en ? "Weak year, remediation needed" : "Yếu kém cả năm, cần khắc phục",
        AlertRules.Findings => en ? "Shortcomings pointed out, remediation needed" : "Cấp trên chỉ ra hạn chế, cần khắc phục",
        AlertRules.PlanOverdue => en ? "Remediation plan overdue" : "Kế hoạch khắc phục quá hạn",
        AlertRules.ScoreGap => en ? "Self-score well above the observed score" : "Tự chấm cao hơn nhiều so với điểm dự sinh hoạt",
        _ => rule ?? string.Empty,
    };

    /// <summary>The open alerts of a status row ("overdue 2025-11") as "Chưa báo cáo – quá hạn (tháng 11/2025)".</summary>
    public static string AlertLabel(string alert, bool en)
    {
        var space = alert.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? Rule(alert, en) : $"{Rule(alert[..space], en)} ({Month(alert[(space + 1)..], en)})";
    }

    public static string State(AlertState state, bool en) => state switch
    {
        AlertState.Open => en ? "Open, not yet acknowledged" : "Đang mở, chưa ai xác nhận đã nắm",
        AlertState.Acknowledged => en ? "Acknowledged" : "Đã nắm",
        _ => en ? "Resolved" : "Đã giải quyết",
    };

    /// <summary>"HTTNV – Hoàn thành tốt nhiệm vụ".</summary>
    public static string Level(Level level, bool en) => level.Code() + " – " + level switch
    {
        Classification.Level.Excellent => en ? "Completed its tasks excellently" : "Hoàn thành xuất sắc nhiệm vụ",
        Classification.Level.Good => en ? "Completed its tasks well" : "Hoàn thành tốt nhiệm vụ",
        Classification.Level.Complete => en ? "Completed its tasks" : "Hoàn thành nhiệm vụ",
        _ => en ? "Did not complete its tasks" : "Không hoàn thành nhiệm vụ",
    };
}
