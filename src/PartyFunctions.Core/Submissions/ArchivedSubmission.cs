using System.Text.Json.Nodes;

namespace PartyFunctions.Submissions;

/// <summary>
/// Reads an archived submission back into the input it was: the form's fields or the JSON sheet, with the unit and
/// the receipt it was archived under (the archive drops the access code and nothing else).
/// </summary>
public static class ArchivedSubmission
{
    public static SubmissionInput Read(ArchiveEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.ContentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var pair in entry.Body.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
                fields[key] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }

            fields["unitId"] = entry.UnitId;
            fields["receiptId"] = entry.ReceiptId;
            return new FormSubmission(fields, entry.ClientIpHash);
        }

        var sheet = JsonNode.Parse(entry.Body) as JsonObject ?? [];
        sheet["unitId"] = entry.UnitId;
        sheet["receiptId"] = entry.ReceiptId;
        return JsonSubmission.Parse(sheet.ToJsonString(), entry.ClientIpHash);
    }
}
