using System.Globalization;
using CsvHelper;

namespace PartyFunctions.Csv;

/// <summary>
/// The one CSV style of the app and the CLI (CsvHelper everywhere). Writers: RFC 4180, invariant numbers, and every
/// text field that a spreadsheet would run as a formula (it starts with <c>= + - @</c>, tab or CR, OWASP's list)
/// escaped with a leading <c>'</c>, so a unit named <c>=HYPERLINK(…)</c> opens in Excel as text, not as a link that
/// sends the sheet's codes away (docs/security.md, item 4). Readers: a header row, line numbers as an editor counts
/// them, blank lines skipped, fields trimmed, and every malformed row reported rather than thrown.
/// </summary>
public static class CsvFiles
{
    /// <summary>What a spreadsheet reads as the start of a formula (CsvHelper's default injection characters).</summary>
    public static IReadOnlyList<char> FormulaStarts { get; } = ['=', '+', '-', '@', '\t', '\r'];

    public static CsvWriterOptions Writer { get; } = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>For files people open in Excel: with a byte order mark, without which Excel garbles Vietnamese letters.</summary>
    public static CsvWriterOptions ForExcel { get; } = Writer with { WriteByteOrderMark = true };

    public static CsvReaderOptions Reader(Action<CsvMalformedRecord> onMalformed) => new()
    {
        HasHeader = true,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        OnMalformedRecord = onMalformed,
    };

    /// <summary>Whether <paramref name="text"/> would be run as a formula if a spreadsheet opened it unescaped.</summary>
    public static bool StartsLikeFormula(string? text) => text is { Length: > 0 } && FormulaStarts.Contains(text[0]);
}
