using System.Text.Json;

namespace PartyFunctions.Policy;

/// <summary>
/// Reads a pack and accepts it only whole: first the schema (every shape error at once), then the cross-field
/// checks (every one at once). The first stage must pass for the second to have a pack to check.
/// </summary>
public static class PolicyPackLoader
{
    public static PackLoadResult Load(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Rejected("", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})");
        }

        using (document)
        {
            var shape = PackSchema.Check(document.RootElement);
            if (shape.Count > 0)
            {
                return new PackLoadResult(null, shape);
            }

            PolicyPack? pack;
            try
            {
                pack = document.Deserialize<PolicyPack>(PolicyJson.Options);
            }
            catch (JsonException e)
            {
                return Rejected((e.Path ?? "$").TrimStart('$').TrimStart('.'), e.Message);
            }

            if (pack is null)
            {
                return Rejected("", "the pack is null");
            }

            var rules = PackRules.Check(pack);
            return rules.Count > 0 ? new PackLoadResult(null, rules) : new PackLoadResult(pack, []);
        }
    }

    public static PackLoadResult LoadFile(string path)
    {
        try
        {
            return Load(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Rejected("", $"cannot read {path}: {e.Message}");
        }
    }

    private static PackLoadResult Rejected(string path, string message) => new(null, [new PackError(path, message)]);
}
