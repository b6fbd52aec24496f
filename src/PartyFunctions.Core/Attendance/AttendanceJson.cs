using System.Text.Json;
using System.Text.Json.Nodes;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Attendance;

/// <summary>
/// The API's body: <c>{meetingDate, recordedBy, attendees: [names], observations, recommendations?, receiptId?,
/// score?: {criteria, facts}}</c>; the unit and month are in the route, the version in If-Match. The score is read by
/// <see cref="ScoreSheetJson"/> and checked by <see cref="SheetValidator"/>, as a submission's; its errors are named
/// <c>score.criteria.conduct</c>.
/// </summary>
public static class AttendanceJson
{
    public const string ContentType = "application/json";
    public const string ScorePrefix = "score.";

    public static AttendanceInput Read(string unitId, string? period, string json, string? link, string? expectedVersion, string clientIpHash)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Failed(unitId, period, link, clientIpHash, new FieldError("", "json", $"JSON không hợp lệ: {e.Message}", $"Invalid JSON: {e.Message}"));
        }

        if (body is null)
        {
            return Failed(unitId, period, link, clientIpHash, new FieldError("", "json", "Nội dung phải là một đối tượng JSON.", "The body must be a JSON object."));
        }

        var errors = new List<FieldError>();
        string? Text(string name)
        {
            var node = body[name];
            if (node is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }

            if (node is not null)
            {
                errors.Add(new FieldError(name, "json", "Phải là một chuỗi.", "Must be a string."));
            }

            return null;
        }

        var attendees = new List<string>();
        switch (body["attendees"])
        {
            case null:
                break;
            case JsonArray names when names.All(n => n is JsonValue v && v.TryGetValue<string>(out _)):
                attendees.AddRange(names.Select(n => n!.GetValue<string>().Trim()).Where(n => n.Length > 0));
                break;
            default:
                errors.Add(new FieldError("attendees", "json", "Phải là một danh sách tên.", "Must be a list of names."));
                break;
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "meetingDate", "recordedBy", "attendees", "observations", "recommendations", "receiptId", "score" };
        errors.AddRange(body.Select(p => p.Key).Where(k => !known.Contains(k)).Select(k =>
            new FieldError(k, "unknown-field", "Trường không được hỗ trợ.", "Unknown field.")));
        var score = body["score"];
        var input = new AttendanceInput(link, unitId, period, Text("meetingDate")?.Trim(), Text("recordedBy"), attendees,
            Text("observations"), Text("recommendations"), expectedVersion, Text("receiptId")?.Trim(), clientIpHash, ContentType, json)
        {
            EnvelopeErrors = errors,
            ReadScore = score is null ? null : pack => Sheet(score, period, pack),
        };
        return input;
    }

    private static (ScoreSheet?, IReadOnlyList<FieldError>) Sheet(JsonNode score, string? period, PolicyPack pack)
    {
        if (score is not JsonObject sheet)
        {
            return (null, [new FieldError("score", "json", "Phải là một đối tượng {criteria, facts}.", "Must be an object {criteria, facts}.")]);
        }

        var copy = (JsonObject)sheet.DeepClone();
        copy["period"] = period;
        // An observer saw the meeting held; it may say so, or leave it implied.
        if (copy["facts"] is JsonObject facts && !facts.ContainsKey("held"))
        {
            facts["held"] = true;
        }

        var (read, errors) = ScoreSheetJson.Read(copy.ToJsonString());
        var all = read is null ? errors : SheetValidator.Validate(pack, read);
        return (all.Count == 0 ? read : null, [.. all.Select(e => e with { Field = ScorePrefix + e.Field })]);
    }

    private static AttendanceInput Failed(string unitId, string? period, string? link, string clientIpHash, FieldError error) =>
        new(link, unitId, period, null, null, [], null, null, null, null, clientIpHash, ContentType, "{}") { EnvelopeErrors = [error] };
}
