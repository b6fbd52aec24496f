using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Attendance;

/// <summary>
/// The attendance form's fields: <c>period, meetingDate, recordedBy, attendees</c> (one name a line),
/// <c>observations, recommendations, version, receiptId</c>, and the optional score under the submission form's own
/// names (<c>criteria.*</c>, <c>facts.*</c>), read by <see cref="FormSubmission"/> so that both forms read and check a
/// sheet the same way. An observer saw the meeting held, so <c>facts.held</c> is implied.
/// </summary>
public static class AttendanceForm
{
    public const string ContentType = "application/x-www-form-urlencoded";

    private static readonly string[] Credentials = ["link"];

    public static AttendanceInput Read(string unitId, IReadOnlyDictionary<string, string?> fields, string? link, string clientIpHash)
    {
        ArgumentNullException.ThrowIfNull(fields);
        string? Get(string name) => fields.TryGetValue(name, out var value) ? value : null;
        var scored = fields.Any(f => (f.Key.StartsWith(FormSubmission.CriteriaPrefix, StringComparison.Ordinal)
            || f.Key.StartsWith(FormSubmission.FactsPrefix, StringComparison.Ordinal)) && !string.IsNullOrWhiteSpace(f.Value)
            && f.Key != FormSubmission.FactsPrefix + "held");
        var body = string.Join('&', fields.Where(f => !Credentials.Contains(f.Key))
            .Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value ?? string.Empty)}"));
        return new AttendanceInput(link, unitId, Get("period")?.Trim(), Get("meetingDate")?.Trim(), Get("recordedBy"),
            Lines(Get("attendees")), Get("observations"), Get("recommendations"), Get("version")?.Trim(), Get("receiptId")?.Trim(),
            clientIpHash, ContentType, body)
        {
            ReadScore = scored ? pack => Sheet(fields, Get("period"), clientIpHash, pack) : null,
        };
    }

    /// <summary>One name a line; blank lines dropped.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static (ScoreSheet?, IReadOnlyList<FieldError>) Sheet(
        IReadOnlyDictionary<string, string?> fields, string? period, string clientIpHash, Policy.PolicyPack pack)
    {
        var sheet = new Dictionary<string, string?>(fields, StringComparer.Ordinal) { [FormSubmission.FactsPrefix + "held"] = "true", ["period"] = period };
        return new FormSubmission(sheet, clientIpHash).ReadSheet(pack);
    }
}
