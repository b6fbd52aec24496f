using System.Text.Json;

namespace PartyFunctions.UnitTests.Cli;

public sealed class ScoreCliTests : IDisposable
{
    private const string Facts = """
        "facts":{"held":true,"combined":false,"membersTotal":30,"membersExempt":2,"membersPresent":26,"unexcusedAbsent":0,"durationMinutes":95,"memberDisciplined":false}
        """;

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    private string Sheet(string criteria, string facts = Facts, string period = "2025-11") =>
        files.Write("sheet.json", $$"""{"period":"{{period}}","criteria":{{{criteria}}},{{facts}}}""");

    private const string FullMarks = "\"preparation\":15,\"attendance\":15,\"duration\":5,\"conduct\":25,\"principles\":5,\"results\":25,\"closing\":10";

    [Fact]
    public async Task Score_prints_total_band_and_reasons_as_JSON()
    {
        var (exit, output, _) = await Party.RunAsync("score", "--pack", "vn-2025", Sheet(FullMarks.Replace("\"attendance\":15", "\"attendance\":13", StringComparison.Ordinal)));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(98, json.RootElement.GetProperty("total").GetDecimal());
        Assert.Equal("Kha", json.RootElement.GetProperty("band").GetString());
        var reason = json.RootElement.GetProperty("reasons")[0];
        Assert.Equal("full-marks-gate", reason.GetProperty("code").GetString());
        Assert.Contains("Tỷ lệ đảng viên dự 13/15", reason.GetProperty("vi").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_pack_the_one_in_force_for_the_period_scores()
    {
        var (exit, output, _) = await Party.RunAsync("score", Sheet(FullMarks));

        Assert.Equal(0, exit);
        Assert.Contains("\"packId\": \"vn-2025\"", output, StringComparison.Ordinal);
        Assert.Contains("\"band\": \"Tot\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_before_any_pack_needs_a_named_pack()
    {
        var (exit, _, error) = await Party.RunAsync("score", Sheet(FullMarks, period: "2025-09"));

        Assert.Equal(2, exit);
        Assert.Contains("No pack of series 'vn' is in force on 2025-09-30", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_sheet_lists_every_error_with_its_field_and_exits_2()
    {
        var facts = Facts.Replace("\"membersPresent\":26", "\"membersPresent\":29", StringComparison.Ordinal);

        var (exit, output, error) = await Party.RunAsync("score", "--pack", "vn-2025", Sheet("\"preparation\":16,\"attendance\":15", facts));

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("criteria.preparation: Must be from 0 to 15.", error, StringComparison.Ordinal);
        Assert.Contains("criteria.duration: Required.", error, StringComparison.Ordinal);
        Assert.Contains("facts.membersPresent: Must be from 0 to 28.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_sheet_scores_differently_under_phu_tho()
    {
        var (exit, output, _) = await Party.RunAsync("score", "--pack", "phu-tho", Sheet("\"preparation\":15,\"attendance\":20,\"conduct\":45,\"closing\":20",
            Facts.Replace("\"durationMinutes\":95", "\"durationMinutes\":30", StringComparison.Ordinal)));

        Assert.Equal(0, exit);
        Assert.Contains("\"band\": \"Tot\"", output, StringComparison.Ordinal);
    }
}
