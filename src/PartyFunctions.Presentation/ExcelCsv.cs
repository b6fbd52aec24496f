using System.Text;

namespace PartyFunctions.Presentation;

/// <summary>CSV as downloaded: UTF-8 with a byte order mark, without which Excel reads the Vietnamese letters wrongly.</summary>
public static class ExcelCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Bytes(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
    }
}
