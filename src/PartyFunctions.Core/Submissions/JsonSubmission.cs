using System.Text.Json;
using System.Text.Json.Nodes;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>
/// The JSON API's body: <c>{unitId, accessCode, receiptId?, period, criteria, facts}</c>. The envelope fields are taken
/// out here; the rest is a score sheet read by <see cref="ScoreSheetJson"/>, so the API and the CLI report the same errors.
/// </summary>
public sealed record JsonSubmission : SubmissionInput
{
    private static readonly string[] Envelope = ["unitId", "accessCode", "receiptId"];
    private readonly string sheetJson;

    private JsonSubmission(string? unitId, string? code, string? receiptId, string? period, string clientIpHash, string sheetJson)
        : base(unitId, code, receiptId, period, clientIpHash) => this.sheetJson = sheetJson;

    public override string ContentType => "application/json";

    public override string ArchiveBody => sheetJson;

    public static JsonSubmission Parse(string json, string clientIpHash)
    {
        JsonObject? body;
        try
        {
            body = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 8 }) as JsonObject;
        }
        catch (JsonException e)
        {
            return Failed(clientIpHash, new FieldError("", "json", $"JSON không hợp lệ: {e.Message}", $"Invalid JSON: {e.Message}"));
        }

        if (body is null)
        {
            return Failed(clientIpHash, new FieldError("", "json", "Nội dung phải là một đối tượng JSON.", "The body must be a JSON object."));
        }

        var errors = new List<FieldError>();
        string? Take(string name)
        {
            var node = body[name];
            body.Remove(name);
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

        var values = Envelope.Select(Take).ToArray();
        var period = body["period"] is JsonValue p && p.TryGetValue<string>(out var text) ? text : null;
        return new JsonSubmission(values[0]?.Trim(), values[1], values[2]?.Trim(), period, clientIpHash, body.ToJsonString())
        {
            EnvelopeErrors = errors,
        };
    }

    public override (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors) ReadSheet(PolicyPack pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        // The pack's own checks run when the sheet is scored.
        return ScoreSheetJson.Read(sheetJson);
    }

    private static JsonSubmission Failed(string clientIpHash, FieldError error) =>
        new(null, null, null, null, clientIpHash, "{}") { EnvelopeErrors = [error] };
}
