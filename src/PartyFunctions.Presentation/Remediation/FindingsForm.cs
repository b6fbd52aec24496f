using System.Globalization;
using Fluid;
using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Remediation;

namespace PartyFunctions.Presentation.Remediation;

/// <summary>
/// The superior's findings page (Templates/Remediation/findings.liquid, Vietnamese; <c>?lang=en</c>): the findings as
/// stored, and a form with one finding per line and the recorder's name that POSTs back with the signed link; after a
/// POST, what it did, or each error beside its field with the values sent kept.
/// </summary>
public sealed class FindingsForm
{
    private static readonly Dictionary<string, string> Vi = new(StringComparer.Ordinal)
    {
        ["title"] = "Hạn chế cấp trên chỉ ra",
        ["year"] = "năm",
        ["otherLang"] = "English",
        ["hasErrors"] = "Có lỗi",
        ["fixErrors"] = "Chưa ghi được: hãy sửa các ô được đánh dấu.",
        ["stored"] = "Đã ghi",
        ["storedBy"] = "Ghi bởi {0}, {1}",
        ["noneYet"] = "Chưa ghi hạn chế nào cho đơn vị này.",
        ["help"] = "Mỗi dòng một hạn chế (tối đa {0}). Đơn vị phải có kế hoạch khắc phục, mỗi hạn chế ít nhất một nội dung; đơn vị không yếu kém cũng được yêu cầu lập kế hoạch. Sửa được đến khi kế hoạch được chấp nhận.",
        ["findings"] = "Các hạn chế (mỗi dòng một hạn chế)",
        ["by"] = "Họ tên người ghi",
        ["record"] = "Ghi hạn chế",
        ["Created"] = "Đã ghi {0} hạn chế; đơn vị được yêu cầu lập kế hoạch khắc phục.",
        ["Updated"] = "Đã sửa: nay có {0} hạn chế.",
        ["Unchanged"] = "Không có gì thay đổi: các hạn chế này đã được ghi.",
        ["code"] = "Mã",
    };

    private static readonly Dictionary<string, string> En = new(StringComparer.Ordinal)
    {
        ["title"] = "Findings of the superior",
        ["year"] = "year",
        ["otherLang"] = "Tiếng Việt",
        ["hasErrors"] = "Errors",
        ["fixErrors"] = "Not recorded: please correct the marked fields.",
        ["stored"] = "Recorded",
        ["storedBy"] = "Recorded by {0}, {1}",
        ["noneYet"] = "No findings recorded for this unit yet.",
        ["help"] = "One finding per line (at most {0}). The unit must write a remediation plan covering each finding with at least one item; a unit that is not weak is asked for one too. They can change until the plan is accepted.",
        ["findings"] = "Findings (one per line)",
        ["by"] = "Recorded by (name)",
        ["record"] = "Record the findings",
        ["Created"] = "{0} finding(s) recorded; the unit is asked for a remediation plan.",
        ["Updated"] = "Changed: there are now {0} finding(s).",
        ["Unchanged"] = "Nothing changed: these findings were recorded already.",
        ["code"] = "Id",
    };

    private readonly IFluidTemplate template = LiquidTemplates.Get("findings");
    private readonly TemplateOptions options = LiquidTemplates.Options(typeof(Field), typeof(ErrorLink), typeof(Finding));

    /// <summary>The page for <paramref name="page"/> (its unit is known); the values typed are kept on error.</summary>
    public string Render(string language, int year, FindingsPage page, string? link, string? typedFindings = null, string? typedBy = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var unit = page.Unit ?? throw new ArgumentException("The findings page needs its unit.", nameof(page));
        var en = language == "en";
        var t = en ? En : Vi;
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        var action = Routes.Path(Routes.FindingsPage, unit.Id, yearText) + "?link=" + Uri.EscapeDataString(link ?? string.Empty);
        var failed = page.Errors.Count > 0;
        string? ErrorOf(string field) => page.Errors.Where(e => e.Field == field).Select(e => en ? e.En : e.Vi).FirstOrDefault();
        var fields = new[]
        {
            new Field("findings", t["findings"], failed ? typedFindings ?? string.Empty : string.Join('\n', page.Findings?.Items.Select(f => f.Text) ?? []), ErrorOf("findings")),
            new Field("by", t["by"], failed ? typedBy ?? string.Empty : page.Findings?.RecordedBy ?? string.Empty, ErrorOf("by")),
        };
        var context = new TemplateContext(options);
        context.SetValue("lang", en ? "en" : "vi");
        context.SetValue("t", t);
        context.SetValue("style", Stylesheet.Css);
        context.SetValue("unitName", unit.Name);
        context.SetValue("unitId", unit.Id);
        context.SetValue("year", yearText);
        context.SetValue("action", action);
        context.SetValue("otherLangUrl", en ? action : action + "&lang=en");
        context.SetValue("help", string.Format(CultureInfo.InvariantCulture, t["help"], RecordFindings.MaxFindings));
        context.SetValue("findings", page.Findings?.Items ?? []);
        context.SetValue("storedBy", page.Findings is { } stored
            ? string.Format(CultureInfo.InvariantCulture, t["storedBy"], stored.RecordedBy, VietnamDate.Format(stored.RecordedAt)) : null);
        context.SetValue("done", failed || page.Shown ? null : string.Format(CultureInfo.InvariantCulture, t[page.Status.ToString()], page.Findings?.Items.Count ?? 0));
        context.SetValue("fields", fields);
        context.SetValue("errorLinks", fields.Where(f => f.Error is not null).Select(f => new ErrorLink(f.Name, $"{f.Label}: {f.Error}")).ToList());
        context.SetValue("generalErrors", page.Errors.Where(e => fields.All(f => f.Name != e.Field)).Select(e => en ? e.En : e.Vi).ToList());
        context.SetValue("failed", failed);
        return template.Render(context, LiquidTemplates.Html);
    }

    private sealed record Field(string Name, string Label, string Value, string? Error);

    private sealed record ErrorLink(string Field, string Text);
}
