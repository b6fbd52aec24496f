using System.Text.Json;
using Json.Schema;
using PartyFunctions.Policy;

namespace PartyFunctions.UnitTests.Policy;

public sealed class PackSchemaTests
{
    private static readonly Lazy<JsonSchema> Published = new(() => JsonSchema.FromText(RepoFiles.Read("docs/policy-pack.schema.json")));

    private static JsonSchema Schema() => Published.Value;

    [Theory]
    [InlineData("src/PartyFunctions.Core/Policy/Packs/vn-2025.json")]
    [InlineData("src/PartyFunctions.Core/Policy/Packs/phu-tho.json")]
    public void The_shipped_packs_conform_to_the_published_schema(string path)
    {
        using var pack = JsonDocument.Parse(RepoFiles.Read(path));

        var result = Schema().Evaluate(pack.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Theory]
    [InlineData("vn-2025")]
    [InlineData("phu-tho")]
    public void A_pack_printed_as_JSON_conforms_and_loads_back_equal(string id)
    {
        var pack = PolicyCatalog.Embedded.Find(id)!;
        var json = PolicyJson.Serialize(pack);

        using var document = JsonDocument.Parse(json);
        Assert.True(Schema().Evaluate(document.RootElement).IsValid);
        var reloaded = PolicyPackLoader.Load(json).Pack!;
        Assert.Equal(json, PolicyJson.Serialize(reloaded));
    }

    [Fact]
    public void The_schema_rejects_what_the_loader_rejects_for_shape()
    {
        var json = RepoFiles.Read("src/PartyFunctions.Core/Policy/Packs/vn-2025.json").Replace("\"totalPoints\": 100", "\"totalPoints\": 100, \"extra\": 1", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);

        Assert.False(Schema().Evaluate(document.RootElement).IsValid);
        Assert.False(PolicyPackLoader.Load(json).IsValid);
    }
}
