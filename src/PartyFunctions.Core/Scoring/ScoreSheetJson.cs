using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartyFunctions.Scoring;

/// <summary>
/// Reads a sheet as the CLI and the JSON API receive it. Every missing field is reported (not just the first);
/// malformed JSON, a wrong type or an unknown field is one error at the path where reading stopped.
/// </summary>
public static class ScoreSheetJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static (ScoreSheet? Sheet, IReadOnlyList<FieldError> Errors) Read(string json)
    {
        SheetDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize<SheetDto>(json, Options);
        }
        catch (JsonException e)
        {
            var field = (e.Path ?? "$").TrimStart('$').TrimStart('.');
            return (null, [new FieldError(field, "json", $"JSON không hợp lệ: {e.Message}", $"Invalid JSON: {e.Message}")]);
        }

        var errors = new List<FieldError>();
        T Need<T>(T? value, string field) where T : struct
        {
            if (value is null)
            {
                errors.Add(SheetErrors.Required(field));
            }

            return value.GetValueOrDefault();
        }

        var facts = dto?.Facts;
        if (dto?.Period is null)
        {
            errors.Add(SheetErrors.Required("period"));
        }

        if (facts is null)
        {
            errors.Add(SheetErrors.Required("facts"));
            return (null, errors);
        }

        var sheet = new ScoreSheet(
            dto!.Period ?? "",
            dto.Criteria ?? new Dictionary<string, decimal>(),
            new MeetingFacts(
                Need(facts.Held, "facts.held"),
                Need(facts.Combined, "facts.combined"),
                Need(facts.MembersTotal, "facts.membersTotal"),
                Need(facts.MembersExempt, "facts.membersExempt"),
                Need(facts.MembersPresent, "facts.membersPresent"),
                Need(facts.UnexcusedAbsent, "facts.unexcusedAbsent"),
                Need(facts.DurationMinutes, "facts.durationMinutes"),
                Need(facts.MemberDisciplined, "facts.memberDisciplined")));
        return errors.Count > 0 ? (null, errors) : (sheet, errors);
    }

    private sealed record SheetDto(string? Period, Dictionary<string, decimal>? Criteria, FactsDto? Facts);

    private sealed record FactsDto(
        bool? Held, bool? Combined, int? MembersTotal, int? MembersExempt, int? MembersPresent,
        int? UnexcusedAbsent, int? DurationMinutes, bool? MemberDisciplined);
}
