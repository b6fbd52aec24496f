using System.Globalization;
using PartyFunctions.Scoring;
using PartyFunctions.Status;

namespace PartyFunctions.Presentation.Status;

/// <summary>
/// How a month of a cell is drawn in the year grid and on the member's desk: a short label ("T3 Khá"), a colour class
/// (<c>b-Good</c> … <c>b-Missing</c>) and a title that spells it out, so that the colour is never the only sign.
/// </summary>
public static class MonthCells
{
    /// <summary>The band colours of the charts, Kém to Tốt, then missing.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#c62828", "#ef6c00", "#1565c0", "#2e7d32", "#9e9e9e"];

    public static string ShortBand(Band band, bool en) => band switch
    {
        Band.Good => en ? "Good" : "Tốt",
        Band.Fair => en ? "Fair" : "Khá",
        Band.Average => en ? "Avg" : "TB",
        _ => en ? "Weak" : "Kém",
    };

    public static string MissingLabel(bool en) => en ? "Missing" : "Thiếu";

    public static string LateLabel(bool en) => en ? "late" : "muộn";

    public static MonthCell Of(CellMonthView month, bool en)
    {
        ArgumentNullException.ThrowIfNull(month);
        var number = "T" + month.Period.Month.ToString(CultureInfo.InvariantCulture);
        var (label, css, title) = month.State switch
        {
            MonthState.Scored => (ShortBand(month.Band!.Value, en), "b-" + month.Band, (en ? month.Band.Value.English() : month.Band.Value.Vietnamese())
                + (month.Total is { } total ? ", " + Wording.Number(total, en) + (en ? " points" : " điểm") : string.Empty)),
            MonthState.Missing => (MissingLabel(en), "b-Missing", en ? "not reported" : "chưa báo cáo"),
            MonthState.Pending => ("…", "b-Pending", en ? "not due yet" : "chưa đến hạn"),
            _ => ("–", "b-None", en ? "not required" : "không phải báo cáo"),
        };
        if (month.Late)
        {
            css += " late";
            title += ", " + (en ? "submitted late" : "nộp muộn");
        }

        if (month.Confirmed)
        {
            title += ", " + (en ? "confirmed" : "cấp trên đã xác nhận");
        }

        return new MonthCell(number, label, css, Wording.Month(month.Period, en) + ": " + title, month.Late, month.Confirmed);
    }
}

/// <summary>A month as drawn: "T3", "Khá", the colour class, the spelled-out title, and the late and confirmed marks.</summary>
public sealed record MonthCell(string Number, string Label, string Css, string Title, bool Late, bool Confirmed);
