using System.Text.Json.Nodes;
using PartyFunctions.Policy;

namespace PartyFunctions.UnitTests.Policy;

/// <summary>Each kind of pack error, named with its field; a pack with any error is rejected whole.</summary>
public sealed class PackValidationTests
{
    private static JsonObject Vn2025() => JsonNode.Parse(RepoFiles.Read("src/PartyFunctions.Core/Policy/Packs/vn-2025.json"))!.AsObject();

    private static IReadOnlyList<string> Errors(Action<JsonObject> change)
    {
        var pack = Vn2025();
        change(pack);
        var result = PolicyPackLoader.Load(pack.ToJsonString());
        Assert.Null(result.Pack);
        return [.. result.Errors.Select(e => e.ToString())];
    }

    private static JsonObject Rule(JsonObject pack, int index) => pack["monthlyRules"]![index]!.AsObject();

    [Fact]
    public void The_shipped_pack_loads_with_its_numbers()
    {
        var pack = PolicyPackLoader.Load(Vn2025().ToJsonString()).Pack!;

        Assert.Equal(new DateOnly(2025, 10, 28), pack.EffectiveFrom);
        Assert.Equal(7, pack.Criteria.Count);
        Assert.Equal(100, pack.Criteria.Sum(c => c.Max));
        Assert.Equal(6, pack.MonthlyRules.Count);
        Assert.Equal(new Fraction(2, 3), Assert.IsType<PartyFunctions.Scoring.AttendanceCapRule>(pack.MonthlyRules[2]).Below);
    }

    [Theory]
    [InlineData("surprise", "surprise: unknown field")]
    [InlineData("annual.surprise", "annual.surprise: unknown field")]
    public void An_unknown_key_is_named(string path, string expected)
    {
        var errors = Errors(p =>
        {
            var parts = path.Split('.');
            var target = parts.Length == 1 ? p : p[parts[0]]!.AsObject();
            target[parts[^1]] = 1;
        });

        Assert.Contains(errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_inside_a_rule_is_named_with_the_rule_index()
    {
        var errors = Errors(p => Rule(p, 4)["minutes"] = 90);

        Assert.Contains(errors, e => e.StartsWith("monthlyRules[4].minutes: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_shape_error_is_reported_together()
    {
        var errors = Errors(p =>
        {
            p.Remove("series");
            p["totalPoints"] = "a hundred";
            Rule(p, 1)["atMost"] = "0.5";
            Rule(p, 0)["cap"] = "Bad";
        });

        Assert.Contains(errors, e => e.Contains("series", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("totalPoints:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("monthlyRules[1].atMost:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("monthlyRules[0].cap:", StringComparison.Ordinal));
    }

    [Fact]
    public void Maxima_that_do_not_add_up_to_the_total_are_rejected()
    {
        var errors = Errors(p => p["criteria"]![0]!["max"] = 10);

        Assert.Equal(["criteria: the criteria maxima add up to 95, not totalPoints 100"], errors);
    }

    [Fact]
    public void Band_thresholds_out_of_order_are_rejected()
    {
        var errors = Errors(p => p["bands"] = new JsonObject { ["Tot"] = 70, ["Kha"] = 70, ["TrungBinh"] = 80 });

        Assert.Equal(["bands.Kha: must be below bands.Tot", "bands.TrungBinh: must be below bands.Kha"], errors);
    }

    [Fact]
    public void A_rule_naming_an_unknown_criterion_is_rejected()
    {
        var errors = Errors(p => Rule(p, 5)["criteria"] = new JsonArray("attendance", "durations"));

        Assert.Equal(["monthlyRules[5].criteria[1]: unknown criterion 'durations'"], errors);
    }

    [Fact]
    public void Duplicate_criteria_are_rejected()
    {
        var errors = Errors(p => p["criteria"]![1]!["key"] = "preparation");

        Assert.Contains("criteria[1].key: duplicate criterion 'preparation'", errors);
    }

    [Fact]
    public void Cross_field_errors_are_all_reported_together()
    {
        var errors = Errors(p =>
        {
            Rule(p, 2)["below"] = "3/2";
            Rule(p, 3)["cap"] = "Tot";
            Rule(p, 4)["combinedMinimumMinutes"] = 60;
            p["classification"]!["quota"]!["share"] = "6/5";
            p["annual"]!["tot"]!["everyMonthAtLeast"] = "Kem";
        });

        Assert.Equal(
        [
            "monthlyRules[2].below: '3/2' is not a share between 0 and 1",
            "monthlyRules[3].cap: a cap of Tot never lowers a band",
            "monthlyRules[4].combinedMinimumMinutes: must be at least minimumMinutes",
            "annual.tot.everyMonthAtLeast: must be at least annual.kha.everyMonthAtLeast: a Tốt year cannot ask less than a Khá year",
            "classification.quota.share: '6/5' is not a share between 0 and 1",
        ], errors);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_rejected_with_its_line()
    {
        var result = PolicyPackLoader.Load("{\n  \"id\": ");

        Assert.Contains("line 2", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }
}
