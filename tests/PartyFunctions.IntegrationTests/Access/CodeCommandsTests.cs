using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Cli;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Organisation;

namespace PartyFunctions.IntegrationTests.Access;

[Collection(AzuriteCollection.Name)]
public sealed class CodeCommandsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("party-codes-").FullName;

    [Fact]
    public async Task Issue_all_under_writes_a_BOM_CSV_of_working_codes_for_active_cells_only()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(SampleUnits.With(
            "BN.TUMAI.DONGCAO.CB2,BN.TUMAI.DONGCAO,cell,Chi bộ thôn Tây,2020-01-01,2021-12-31,bithu2@gmail.com,,,")));
        var sheet = Path.Combine(directory, "codes.csv");

        var (exit, output, error) = await PartyAsync(host, "codes", "issue", "--all-under", "BN", "--out", sheet);

        Assert.True(exit == 0, error);
        Assert.Contains("2", output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(sheet);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split("\r\n");
        Assert.Equal("unitId,name,parentId,secretaryEmail,code,issuedAt", lines[0]);
        Assert.Equal(["BN.PHUONG1.CB1", "BN.TUMAI.DONGCAO.CB1"], lines[1..].Select(l => l.Split(',')[0]).Order());
        var cb1 = lines.Single(l => l.StartsWith("BN.TUMAI.DONGCAO.CB1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("Chi bộ thôn Đông", cb1[1]);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$", cb1[4]);
        Assert.True((await host.Services.GetRequiredService<AuthenticateCell>().RunAsync(cb1[0], cb1[4], "test-client", default)).Succeeded);
        Assert.DoesNotContain(cb1[4], output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BN.TUMAI.DONGCAO")]
    [InlineData("NO.SUCH")]
    public async Task Issue_for_a_unit_that_is_not_a_cell_exits_2_and_writes_no_sheet(string unit)
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        var sheet = Path.Combine(directory, "none.csv");

        var (exit, _, error) = await PartyAsync(host, "codes", "issue", unit, "--out", sheet);

        Assert.Equal(PartyCommand.InvalidInput, exit);
        Assert.Contains(unit, error, StringComparison.Ordinal);
        Assert.False(File.Exists(sheet));
    }

    [Fact]
    public async Task Issue_refuses_to_overwrite_a_sheet_and_needs_exactly_one_target()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var sheet = Path.Combine(directory, "exists.csv");
        await File.WriteAllTextAsync(sheet, "keep me");

        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync(host, "codes", "issue", "BN.TUMAI.DONGCAO.CB1", "--out", sheet)).Exit);
        Assert.Equal("keep me", await File.ReadAllTextAsync(sheet));
        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync(host, "codes", "issue")).Exit);
        Assert.Equal(PartyCommand.InvalidInput, (await PartyAsync(host, "codes", "issue", "A", "--all-under", "B")).Exit);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static async Task<(int Exit, string Output, string Error)> PartyAsync(FunctionHost host, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PartyCommand.RunAsync(args, output, error, host.Configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
