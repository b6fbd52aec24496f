using Fluid;
using PartyFunctions.Access;
using PartyFunctions.AnnualRun;
using PartyFunctions.Classification;
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
    private static readonly string[] LevelCodesInOrder = [Level.Excellent.Code(), Level.Good.Code(), Level.Complete.Code(), Level.Failed.Code()];

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
        ["decidedBy"] = "Người quyết định",
        ["record"] = "Ghi quyết định",
        ["insufficient"] = "Chưa đủ dữ liệu",
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
        ["decidedBy"] = "Decided by",
        ["record"] = "Record the decisions",
        ["insufficient"] = "Not enough data",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("decisions");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(Row));

    /// <summary>The page; <paramref name="message"/> says what the last POST did (or why it stored nothing).</summary>
    public string Render(
        string language, string committeeName, string committeeId, int year, IReadOnlyList<AnnualResult> results, string token,
        LocalizedText? message, bool failed)
    {
        ArgumentNullException.ThrowIfNull(results);
        var en = language == "en";
        var t = en ? En : Vi;
        var page = Routes.Path(Routes.Decisions, year.ToString(System.Globalization.CultureInfo.InvariantCulture), committeeId)
            + "?link=" + Uri.EscapeDataString(token);
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("committeeName", committeeName);
        context.SetValue("year", year);
        context.SetValue("action", page);
        context.SetValue("otherLangUrl", en ? page : page + "&lang=en");
        context.SetValue("message", message is null ? null : en ? message.En : message.Vi);
        context.SetValue("failed", failed);
        context.SetValue("levels", LevelCodesInOrder);
        context.SetValue("rows", results.OrderBy(r => r.UnitId, StringComparer.Ordinal).Select(r => new Row(
            r.UnitId, r.UnitName, r.YearBand is { } band ? en ? band.English() : band.Vietnamese() : t["insufficient"],
            r.Proposed.Code(), (r.Decision?.Level ?? r.Proposed).Code(), r.Decision?.Reason ?? string.Empty)).ToList());
        return template.Render(context, LiquidTemplates.Html);
    }

    private sealed record Row(string UnitId, string UnitName, string YearBand, string Proposed, string Chosen, string Reason);
}
