using System.Globalization;
using System.Text;
using CsvHelper;
using PartyFunctions.Csv;

namespace PartyFunctions.Organisation;

/// <summary>
/// Reads the units import file (docs/units-import.md): UTF-8 with or without BOM, comma separated, a header row
/// naming the columns in any order. Every field of every row is checked; the file's errors come back all together.
/// </summary>
public static class UnitCsv
{
    public const string Id = "id", Parent = "parent", Kind = "kind", Name = "name", ActiveFrom = "activeFrom",
        ActiveTo = "activeTo", SecretaryEmail = "secretaryEmail", OfficeEmail = "officeEmail",
        AssignedMemberName = "assignedMemberName", AssignedMemberEmail = "assignedMemberEmail";

    public static readonly IReadOnlyList<string> Required = [Id, Parent, Kind, Name, ActiveFrom];

    public static readonly IReadOnlyList<string> Columns =
        [Id, Parent, Kind, Name, ActiveFrom, ActiveTo, SecretaryEmail, OfficeEmail, AssignedMemberName, AssignedMemberEmail];

    // Offices type dates both ways: ISO, and the day-first form Vietnamese spreadsheets produce.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static (IReadOnlyList<UnitRow> Rows, IReadOnlyList<ImportError> Errors) Read(ReadOnlyMemory<byte> file)
    {
        var rows = new List<UnitRow>();
        var errors = new List<ImportError>();
        // A file saved in a legacy Vietnamese code page must fail clearly instead of importing mojibake.
        if (FirstInvalidUtf8Line(file.Span) is { } badLine)
        {
            errors.Add(new ImportError(badLine,
                "Tệp không phải UTF-8: hãy lưu lại dưới dạng \"CSV UTF-8\" / the file is not UTF-8: save it as \"CSV UTF-8\"."));
            return (rows, errors);
        }

        // The separator is detected (',' or the ';' a Vietnamese-locale Excel writes); line numbers are the editor's.
        var options = CsvFiles.Reader(record => errors.Add(new ImportError((int)record.LineNumber, record.Reason == CsvMalformedReason.FieldCountMismatch
            ? "Số cột của dòng khác với tiêu đề / the row has a different number of fields than the header."
            : $"Dòng CSV sai định dạng ({record.Reason}): kiểm tra dấu ngoặc kép / malformed CSV ({record.Reason}): check the quotes.")));
        using var reader = CsvReader.Create(file, options);
        if (reader.Headers.Count == 0)
        {
            errors.Add(new ImportError(1, "Tệp trống / the file is empty."));
            return (rows, errors);
        }

        var columns = ReadHeader(reader.Headers, errors);
        if (columns is null)
        {
            return (rows, errors);
        }

        while (reader.Read())
        {
            var line = (int)reader.LineNumber;
            var record = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) ?? string.Empty).ToArray();
            var fields = new RowFields(line, columns, record, errors);
            if (ReadUnit(fields) is { } unit)
            {
                rows.Add(new UnitRow(line, unit));
            }
        }

        return (rows, errors.OrderBy(e => e.Line).ToList());
    }

    private static int? FirstInvalidUtf8Line(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(bytes);
            return null;
        }
        catch (DecoderFallbackException ex)
        {
            return bytes[..Math.Max(0, ex.Index)].Count((byte)'\n') + 1;
        }
    }

    private static Dictionary<string, int>? ReadHeader(IReadOnlyList<string> header, List<ImportError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var count = errors.Count;
        for (var i = 0; i < header.Count; i++)
        {
            var name = Columns.FirstOrDefault(c => string.Equals(c, header[i].Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                errors.Add(new ImportError(1, $"Cột không xác định \"{header[i]}\" / unknown column \"{header[i]}\"; các cột / columns: {string.Join(", ", Columns)}."));
            }
            else if (!columns.TryAdd(name, i))
            {
                errors.Add(new ImportError(1, $"Cột \"{name}\" lặp lại / column \"{name}\" appears twice."));
            }
        }

        foreach (var missing in Required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(1, $"Thiếu cột \"{missing}\" / missing column \"{missing}\"."));
        }

        return errors.Count == count ? columns : null;
    }

    private static Unit? ReadUnit(RowFields row)
    {
        var id = row.Text(Id)?.ToUpperInvariant();
        if (id is null)
        {
            row.Error("Thiếu mã đơn vị / the id is missing.");
        }
        else if (!UnitPath.IsValidId(id))
        {
            row.Error($"Mã đơn vị \"{id}\" không hợp lệ: chỉ chữ không dấu, số, '.', '-', '_', tối đa {UnitPath.MaxIdLength} ký tự / invalid id.");
        }

        var kindText = row.Text(Kind);
        var kindKnown = UnitKinds.TryParse(kindText, out var kind);
        if (!kindKnown)
        {
            row.Error($"Loại đơn vị \"{kindText}\" không hợp lệ: province, district, grassroots hoặc cell / unknown kind.");
        }

        var name = row.FreeText(Name)?.Normalize(NormalizationForm.FormC);
        if (name is null)
        {
            row.Error("Thiếu tên đơn vị / the name is missing.");
        }

        var from = row.Date(ActiveFrom, required: true);
        var to = row.Date(ActiveTo, required: false);
        if (from is { } f && to is { } t && t < f)
        {
            row.Error($"Ngày kết thúc {t:yyyy-MM-dd} trước ngày bắt đầu {f:yyyy-MM-dd} / activeTo is before activeFrom.");
        }

        var secretary = row.Email(SecretaryEmail);
        var office = row.Email(OfficeEmail);
        var memberName = row.FreeText(AssignedMemberName)?.Normalize(NormalizationForm.FormC);
        var memberEmail = row.Email(AssignedMemberEmail);
        if (kindKnown && secretary is not null && kind.IsCommittee())
        {
            row.Error("Chỉ chi bộ có email bí thư chi bộ; cấp ủy dùng officeEmail / only a cell has a secretaryEmail; committees use officeEmail.");
        }

        if (kindKnown && office is not null && kind == UnitKind.Cell)
        {
            row.Error("Chi bộ không có email văn phòng; dùng secretaryEmail / a cell has no officeEmail; use secretaryEmail.");
        }

        if (memberName is not null && memberEmail is null)
        {
            row.Error("Có tên UVTV phụ trách nhưng thiếu email / the assigned member has a name but no email.");
        }

        var parent = row.Text(Parent)?.ToUpperInvariant();
        return row.HasErrors
            ? null
            : new Unit(id!, parent, kind, name!, from!.Value, to, secretary, office, memberName, memberEmail);
    }

    /// <summary>The fields of one row by column name, and the errors found in them.</summary>
    private sealed class RowFields(int line, Dictionary<string, int> columns, string[] record, List<ImportError> errors)
    {
        private readonly int errorsBefore = errors.Count;

        public bool HasErrors => errors.Count > errorsBefore;

        public void Error(string message) => errors.Add(new ImportError(line, message));

        public string? Text(string column) =>
            columns.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(record[i]) ? record[i].Trim() : null;

        /// <summary>
        /// Text people wrote (names): refused when a spreadsheet would run it as a formula, because the names go back
        /// out in the sheets the office opens in Excel (the access codes' mail merge above all).
        /// </summary>
        public string? FreeText(string column)
        {
            var text = Text(column);
            if (CsvFiles.StartsLikeFormula(text))
            {
                Error($"Cột {column} bắt đầu bằng '{text![0]}', Excel sẽ chạy như công thức: hãy bỏ ký tự đó / {column} starts with '{text[0]}', which a spreadsheet runs as a formula: remove it.");
                return null;
            }

            return text;
        }

        public DateOnly? Date(string column, bool required)
        {
            var text = Text(column);
            if (text is null)
            {
                if (required)
                {
                    Error($"Thiếu {column} / {column} is missing.");
                }

                return null;
            }

            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            Error($"Ngày \"{text}\" ở cột {column} không hợp lệ: dùng yyyy-MM-dd hoặc dd/MM/yyyy / invalid date.");
            return null;
        }

        public string? Email(string column)
        {
            var text = Text(column);
            if (text is null)
            {
                return null;
            }

            if (BareEmailAddress.IsValid(text))
            {
                return text;
            }

            Error($"Email \"{text}\" ở cột {column} không hợp lệ / invalid email address.");
            return null;
        }
    }
}
