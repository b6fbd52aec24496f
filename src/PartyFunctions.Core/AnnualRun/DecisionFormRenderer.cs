using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using PartyFunctions.Classification;
using PartyFunctions.Scoring;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// The standing committee's decision page: the committee's proposals as a form (one level and reason per cell, the
/// proposal preselected) that POSTs back with the signed link; GET only shows it, so a mail scanner decides nothing.
/// Every value is HTML-encoded.
/// </summary>
public static class DecisionFormRenderer
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly string[] LevelCodesInOrder = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"];

    public static string Render(string committeeName, int year, IReadOnlyList<AnnualResult> results, string action, string? message)
    {
        ArgumentNullException.ThrowIfNull(results);
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>Quyết định xếp loại ").Append(year).Append("</title></head><body>")
            .Append("<h1>").Append(Html.Encode(committeeName)).Append(": xếp loại chất lượng năm ").Append(year).Append("</h1>");
        if (message is not null)
        {
            page.Append("<p role=\"status\">").Append(Html.Encode(message)).Append("</p>");
        }

        page.Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append("\"><table><thead><tr><th>Chi bộ</th><th>Năm</th>")
            .Append("<th>Đề xuất</th><th>Quyết định</th><th>Lý do (bắt buộc khi khác đề xuất)</th></tr></thead><tbody>");
        foreach (var r in results.OrderBy(r => r.UnitId, StringComparer.Ordinal))
        {
            var chosen = (r.Decision?.Level ?? r.Proposed).Code();
            page.Append("<tr><td>").Append(Html.Encode(r.UnitName)).Append(" (").Append(Html.Encode(r.UnitId)).Append(")</td><td>")
                .Append(Html.Encode(r.YearBand is { } band ? band.Vietnamese() : "Chưa đủ dữ liệu")).Append("</td><td>")
                .Append(Html.Encode(r.Proposed.Code())).Append("</td><td><select name=\"level.").Append(Html.Encode(r.UnitId)).Append("\">")
                .Append("<option value=\"\">(chưa quyết định)</option>");
            foreach (var code in LevelCodesInOrder)
            {
                page.Append("<option").Append(code == chosen ? " selected" : string.Empty).Append('>').Append(code).Append("</option>");
            }

            page.Append("</select></td><td><input name=\"reason.").Append(Html.Encode(r.UnitId)).Append("\" value=\"")
                .Append(Html.Encode(r.Decision?.Reason ?? string.Empty)).Append("\" maxlength=\"1000\"></td></tr>");
        }

        return page.Append("</tbody></table><p><label>Người quyết định <input name=\"decidedBy\" required maxlength=\"1000\"></label></p>")
            .Append("<p><button type=\"submit\">Ghi quyết định</button></p></form></body></html>")
            .ToString();
    }
}
