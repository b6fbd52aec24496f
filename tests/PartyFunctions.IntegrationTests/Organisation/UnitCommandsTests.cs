using Microsoft.Extensions.Configuration;
using PartyFunctions.Cli;
using PartyFunctions.IntegrationTests.Harness;

namespace PartyFunctions.IntegrationTests.Organisation;

/// <summary>The real <c>party</c> command, in-process, against Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnitCommandsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("party-units-").FullName;
    private readonly IConfiguration configuration = TestSettings.For(azurite);

    [Fact]
    public async Task Import_then_re_import_reports_created_then_unchanged()
    {
        var file = Write("units.csv", SampleUnits.Csv());

        var first = await PartyAsync("units", "import", file);
        var second = await PartyAsync("units", "import", file);

        Assert.Equal(0, first.Exit);
        Assert.Contains("created 7, updated 0, unchanged 0, deactivated 0", first.Output, StringComparison.Ordinal);
        Assert.Contains("created 0, updated 0, unchanged 7, deactivated 0", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_exits_2_with_each_bad_line_and_writes_nothing()
    {
        var bad = Write("bad.csv", SampleUnits.Csv(
            "BN,,province,Tỉnh ủy Bắc Ninh,2020-01-01,,,vp@bn.dang.vn,,",
            "BN.A,BN,grassroots,Đảng ủy A,2020-01-01,,,,,",
            "BN.A.C1,BN.A,cell,Chi bộ 1,2020-13-01,,c1@gmail.com,,,",
            "BN.A.C2,BN.A,chibo,Chi bộ 2,2020-01-01,,c2@gmail.com,,,"));

        var (exit, _, error) = await PartyAsync("units", "import", bad);

        Assert.Equal(PartyCommand.InvalidInput, exit);
        Assert.Contains("Dòng 4 / line 4", error, StringComparison.Ordinal);
        Assert.Contains("Dòng 5 / line 5", error, StringComparison.Ordinal);
        Assert.Contains("nothing was written", error, StringComparison.Ordinal);
        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync("units", "show", "BN")).Exit);
    }

    [Fact]
    public async Task Deactivate_missing_is_an_explicit_flag()
    {
        await PartyAsync("units", "import", Write("all.csv", SampleUnits.Csv()));
        var fewer = Write("fewer.csv", SampleUnits.Csv(SampleUnits.Rows[..5]));

        var without = await PartyAsync("units", "import", fewer);
        var with = await PartyAsync("units", "import", fewer, "--deactivate-missing");

        Assert.Contains("missing 2", without.Output, StringComparison.Ordinal);
        Assert.Contains("deactivated 2", with.Output, StringComparison.Ordinal);
        Assert.Contains("until", (await PartyAsync("units", "tree", "BN")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_the_unit_its_contacts_and_its_superiors()
    {
        await PartyAsync("units", "import", Write("units.csv", SampleUnits.Csv()));

        var (exit, output, _) = await PartyAsync("units", "show", "bn.tumai.dongcao.cb1");

        Assert.Equal(0, exit);
        Assert.Contains("Chi bộ thôn Đông", output, StringComparison.Ordinal);
        Assert.Contains("secretary: bithu1@gmail.com", output, StringComparison.Ordinal);
        Assert.Contains("assigned member: Lê Văn Cường <cuong@dongcao.dang.vn>", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("superior: BN.TUMAI.DONGCAO ", StringComparison.Ordinal) < output.IndexOf("superior: BN ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tree_prints_the_subtree_indented_depth_first()
    {
        await PartyAsync("units", "import", Write("units.csv", SampleUnits.Csv()));

        var (exit, output, _) = await PartyAsync("units", "tree", "BN.TUMAI");

        Assert.Equal(0, exit);
        Assert.Equal(
            ["BN.TUMAI  district  Huyện ủy Tự Mai", "  BN.TUMAI.DONGCAO  grassroots  Đảng ủy xã Đông Cao",
             "    BN.TUMAI.DONGCAO.CB1  cell  Chi bộ thôn Đông", "    BN.TUMAI.DONGCAO.CB2  cell  Chi bộ thôn Tây"],
            output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task A_missing_file_or_unknown_unit_exits_2()
    {
        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync("units", "import", Path.Combine(directory, "none.csv"))).Exit);
        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync("units", "tree", "NO.SUCH")).Exit);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task<(int Exit, string Output, string Error)> PartyAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(args, output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
