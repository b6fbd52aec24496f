using System.Globalization;
using System.Text;
using CsvHelper;
using PartyFunctions.Csv;

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

    /// <summary>A header and its lines through the one CSV writer (formula-like cells escaped), with the BOM.</summary>
    public static byte[] Table(string[] header, IEnumerable<IEnumerable<string>> lines)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(lines);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, CsvFiles.Writer, leaveOpen: true))
        {
            csv.WriteHeader(header);
            foreach (var line in lines)
            {
                foreach (var field in line)
                {
                    csv.WriteField(field);
                }

                csv.EndRecord();
            }
        }

        return Bytes(text.ToString());
    }
}
