using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Presentation.AnnualRun;

/// <summary>
/// The standing committee's decision page (Templates/AnnualRun/decisions.liquid, Vietnamese; <c>?lang=en</c>): the
/// committee's proposals as a form, one level and reason per cell with the proposal preselected, that POSTs back with
/// the signed link; GET only shows it, so a mail scanner decides nothing.
/// </summary>
public sealed class DecisionPage
{
    private static readonly Level[] LevelsInOrder = [Level.Excellent, Level.Good, Level.Complete, Level.Failed];

    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Quyết định xếp loại",
        ["heading"] = "xếp loại chất lượng năm",
        ["otherLang"] = "English",
        ["cell"] = "Chi bộ",
        ["year"] = "Năm",
        ["proposed"] = "Đề xuất",
        ["decision"] = "Quyết định",
        ["reason"] = "Lý do (bắt buộc khi khác đề xuất)",
        ["undecided"] = "(chưa quyết định)",
        ["yearBand"] = "Chất lượng sinh hoạt cả năm",
        ["notDecided"] = "Chưa quyết định: đang chọn sẵn mức đề xuất",
        ["decidedAs"] = "Đã quyết định {0}, {1} lúc {2}",
        ["notSaved"] = "Chưa ghi được quyết định nào",
        ["report"] = "Xem báo cáo xếp loại và biểu đồ",
        ["help"] = "Mỗi chi bộ: chọn mức xếp loại (mức đề xuất đã được chọn sẵn); khác đề xuất thì ghi lý do. Bấm nút cuối trang để ghi.",
        ["code"] = "Mã",
        ["decidedBy"] = "Người quyết định",
        ["record"] = "Ghi quyết định",
        ["insufficient"] = "Chưa đủ dữ liệu",
        ["findings"] = "Ghi hạn chế, yêu cầu khắc phục",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "Level decisions",
        ["heading"] = "quality levels of",
        ["otherLang"] = "Tiếng Việt",
        ["cell"] = "Cell",
        ["year"] = "Year",
        ["proposed"] = "Proposed",
        ["decision"] = "Decision",
        ["reason"] = "Reason (required when it differs from the proposal)",
        ["undecided"] = "(not decided)",
        ["yearBand"] = "Meeting quality over the year",
        ["notDecided"] = "Not decided yet: the proposal is preselected",
        ["decidedAs"] = "Decided {0}, by {1} at {2}",
        ["notSaved"] = "No decision was recorded",
        ["report"] = "See the classification report and chart",
        ["help"] = "For each cell choose a level (the proposal is preselected); a different level needs a reason. Press the button at the end to record.",
        ["code"] = "Id",
        ["decidedBy"] = "Decided by",
        ["record"] = "Record the decisions",
        ["insufficient"] = "Not enough data",
        ["findings"] = "Record findings to remedy",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("decisions");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(Row), typeof(LevelOption));

    /// <summary>
    /// The page; <paramref name="message"/> says what the last POST did (or why it stored nothing, about
    /// <paramref name="errorField"/>: a cell's id or "decidedBy"); <paramref name="posted"/> are the values sent, kept when
    /// nothing was stored.
    /// </summary>
    public string Render(
        string language, string committeeName, string committeeId, int year, IReadOnlyList<AnnualResult> results, string token,
        LocalizedText? message, bool failed, string? errorField = null, IReadOnlyDictionary<string, string?>? posted = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var en = language == "en";
        var t = en ? En : Vi;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var query = "?link=" + Uri.EscapeDataString(token);
        var page = Routes.Path(Routes.Decisions, yearText, committeeId) + query;
        var sent = failed ? posted : null;
        string? Sent(string field) => sent is not null && sent.TryGetValue(field, out var v) ? v ?? string.Empty : null;
        var text = message is null ? null : en ? message.En : message.Vi;
        var rowText = text is not null && errorField is not null && text.StartsWith(errorField + ": ", StringComparison.Ordinal)
            ? text[(errorField.Length + 2)..] : text;
        var rows = results.OrderBy(r => r.UnitId, StringComparer.Ordinal).Select(r => new Row(
            r.UnitId, r.UnitName, r.YearBand is { } band ? en ? band.English() : band.Vietnamese() : t["insufficient"],
            r.Proposed is { } proposed ? Wording.Level(proposed, en) : t["insufficient"],
            Sent("level." + r.UnitId) ?? (r.Decision?.Level ?? r.Proposed).Code(),
            Sent("reason." + r.UnitId) ?? r.Decision?.Reason ?? string.Empty,
            r.Decision is { } d ? string.Format(CultureInfo.InvariantCulture, t["decidedAs"], Wording.Level(d.Level, en), d.DecidedBy, VietnamDate.Format(d.DecidedAt)) : null,
            failed && errorField == r.UnitId ? rowText : null,
            Routes.Path(Routes.FindingsPage, r.UnitId, yearText) + query + (en ? "&lang=en" : string.Empty))).ToList();
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("committeeName", committeeName);
        context.SetValue("year", year);
        context.SetValue("action", page);
        context.SetValue("otherLangUrl", en ? page : page + "&lang=en");
        context.SetValue("reportUrl", Routes.Path(Routes.Report, yearText, committeeId) + query);
        context.SetValue("message", failed && rows.FirstOrDefault(r => r.Error is not null) is { } row ? $"{row.UnitName}: {row.Error}" : text);
        context.SetValue("failed", failed);
        context.SetValue("errorAnchor", !failed ? null
            : errorField == DecisionOutcome.DecidedByField ? "decidedBy"
            : rows.Any(r => r.Error is not null) ? "reason." + errorField : null);
        context.SetValue("decidedBy", Sent("decidedBy") ?? string.Empty);
        context.SetValue("decidedByError", failed && errorField == DecisionOutcome.DecidedByField ? text : null);
        context.SetValue("levels", LevelsInOrder.Select(l => new LevelOption(l.Code(), Wording.Level(l, en))).ToList());
        context.SetValue("rows", rows);
        return template.Render(context, LiquidTemplates.Html);
    }

    private sealed record Row(
        string UnitId, string UnitName, string YearBand, string Proposed, string Chosen, string Reason, string? Decided, string? Error, string FindingsUrl);

    private sealed record LevelOption(string Code, string Name);
}
