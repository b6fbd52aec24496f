using PartyFunctions.Policy;
using PartyFunctions.UnitTests.Policy;

namespace PartyFunctions.UnitTests.Cli;

public sealed class PolicyCliTests : IDisposable
{
    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("--help", "policy")]
    [InlineData("--help", "score")]
    [InlineData("--help", "classify")]
    [InlineData("classify --help", "--through")]
    [InlineData("classify --help", "--pack-file")]
    [InlineData("policy --help", "validate")]
    public async Task Help_lists_the_policy_commands_and_options(string command, string expected)
    {
        var (exit, output, _) = await Party.RunAsync(command.Split(' '));

        Assert.Equal(0, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_list_shows_every_pack_with_its_date_and_source()
    {
        var (exit, output, _) = await Party.RunAsync("policy", "list");

        Assert.Equal(0, exit);
        Assert.Matches(@"vn-2025\s+vn\s+2025-10-28\s+embedded", output);
        Assert.Matches(@"phu-tho\s+phu-tho\s+2025-10-28\s+embedded", output);
    }

    [Fact]
    public async Task Policy_show_prints_a_pack_that_validates()
    {
        var (exit, output, _) = await Party.RunAsync("policy", "show", "phu-tho");
        var path = files.Write("shown.json", output);

        Assert.Equal(0, exit);
        Assert.Equal("phu-tho", PolicyPackLoader.Load(output).Pack!.Id);
        Assert.Equal((0, "phu-tho: valid"), await Validate(path));
    }

    [Fact]
    public async Task Policy_show_of_an_unknown_pack_fails()
    {
        var (exit, _, error) = await Party.RunAsync("policy", "show", "nowhere");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown pack 'nowhere'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_validate_lists_every_error_and_exits_2()
    {
        var json = RepoFiles.Read("src/PartyFunctions.Core/Policy/Packs/vn-2025.json")
            .Replace("\"max\": 15 }", "\"max\": 15, \"weight\": 2 }", StringComparison.Ordinal)
            .Replace("\"TrungBinh\": 50", "\"TrungBinh\": 500", StringComparison.Ordinal);

        var (exit, _, error) = await Party.RunAsync("policy", "validate", files.Write("bad.json", json));

        Assert.Equal(2, exit);
        Assert.Contains("criteria[0].weight: unknown field", error, StringComparison.Ordinal);
        Assert.Contains("criteria[1].weight: unknown field", error, StringComparison.Ordinal);
        Assert.Contains("bands.TrungBinh: maximum", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pack_file_adds_a_pack_to_the_list()
    {
        var json = RepoFiles.Read("src/PartyFunctions.Core/Policy/Packs/phu-tho.json").Replace("\"id\": \"phu-tho\"", "\"id\": \"phu-tho-2026\"", StringComparison.Ordinal);
        var path = files.Write("phu-tho-2026.json", json);

        var (exit, output, _) = await Party.RunAsync("policy", "list", "--pack-file", path);

        Assert.Equal(0, exit);
        Assert.Contains("phu-tho-2026", output, StringComparison.Ordinal);
        Assert.Contains(path, output, StringComparison.Ordinal);
    }

    private static async Task<(int, string)> Validate(string path)
    {
        var (exit, output, error) = await Party.RunAsync("policy", "validate", path);
        return (exit, (output + error).Trim());
    }
}
