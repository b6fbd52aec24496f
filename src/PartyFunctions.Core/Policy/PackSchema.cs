using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace PartyFunctions.Policy;

/// <summary>
/// The published pack schema (docs/policy-pack.schema.json, embedded), turned into field-path errors: the schema
/// catches shape problems (unknown keys, types, ranges); <see cref="PackRules"/> catches what a schema cannot.
/// </summary>
internal static partial class PackSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(PackSchema).Assembly.GetManifestResourceStream("PartyFunctions.Policy.policy-pack.schema.json")
            ?? throw new InvalidOperationException("The pack schema is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    [GeneratedRegex(@"/(\d+)(?=/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ArrayIndex();

    public static IReadOnlyList<PackError> Check(JsonElement pack)
    {
        var result = Schema.Value.Evaluate(pack, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return
        [
            .. (result.Details ?? [])
                // A failed `if` only selects which rule shape applies; it is not a problem in the pack.
                .Where(d => d.Errors is not null && !d.EvaluationPath.ToString().Contains("/if/", StringComparison.Ordinal))
                .SelectMany(d => d.Errors!.Select(e => new PackError(FieldPath(d.InstanceLocation.ToString()), Describe(e.Key, e.Value))))
                .Distinct(),
        ];
    }

    /// <summary>"/monthlyRules/5/criteria/0" becomes "monthlyRules[5].criteria[0]".</summary>
    public static string FieldPath(string pointer) =>
        ArrayIndex().Replace(pointer, "[$1]").Replace('/', '.').TrimStart('.');

    private static string Describe(string keyword, string message) =>
        keyword.Length == 0 || keyword == "falseSchema" ? "unknown field (not in the pack schema)" : $"{keyword}: {message}";
}
