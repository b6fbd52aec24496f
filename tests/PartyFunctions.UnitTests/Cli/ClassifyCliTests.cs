using System.Text;

namespace PartyFunctions.UnitTests.Cli;

public sealed class ClassifyCliTests : IDisposable
{
    private const string Header = "unitId,superiorId,month,band,confirmedBand";

    private readonly TempFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>Rows for one unit, one letter per month from January: T, K, B, W, or '-' for no row.</summary>
    private static IEnumerable<string> Rows(string unit, string superior, string months, string extra = "") =>
        months.Select((c, i) => (c, i)).Where(m => m.c != '-').Select(m =>
            $"{unit},{superior},{m.i + 1},{m.c switch { 'T' => "Tot", 'K' => "Kha", 'B' => "TrungBinh", _ => "Kem" }},{extra}");

    private string Input(IEnumerable<string> rows, string header = Header) =>
        files.Write("input.csv", string.Join("\n", rows.Prepend(header)) + "\n");

    [Fact]
    public async Task Classify_writes_one_row_per_unit_ordered_by_id_with_a_BOM()
    {
        var input = Input(
            Rows("c2", "s1", "KKKKKKKKKKKK")
            .Concat(Rows("c1", "s1", "TTTTTTTTTTTT"))
            .Concat(Rows("c3", "s1", "TTTT--------"))
            .Concat(Rows("c4", "s1", "TTTTTTTTTW--"))
            .Concat(Rows("c5", "s1", "KKKKKKKKKKKK"))
            .Concat(Rows("c6", "s1", "KKKKKKKKKKKK"))
            .Concat(Rows("c7", "s1", "KKKKKKKKKKKK")));
        var output = files.Path("result.csv");

        var (exit, stdout, error) = await Party.RunAsync("classify", "--pack", "vn-2025", "--year", "2025", input, "--out", output);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("7 units classified with vn-2025", stdout, StringComparison.Ordinal);
        var bytes = File.ReadAllBytes(output);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        Assert.Equal(
        [
            "unitId,superiorId,required,tot,kha_or_better,kem,yearBand,proposed,flags",
            "c1,s1,12,12,12,0,Tot,HTXSNV,",
            "c2,s1,12,0,12,0,Kha,HTTNV,",
            "c3,s1,12,4,4,8,Kem,KHTNV,",
            "c4,s1,12,9,9,3,Kem,KHTNV,",
            "c5,s1,12,0,12,0,Kha,HTTNV,",
            "c6,s1,12,0,12,0,Kha,HTTNV,",
            "c7,s1,12,0,12,0,Kha,HTTNV,",
        ], Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split(["\r\n", "\n"], StringSplitOptions.None));
    }

    [Fact]
    public async Task Through_a_month_with_activity_dates_and_confirmations()
    {
        var input = Input(
            Rows("a", "s1", "TTTTTTTTTTTT", "Kem,,2025-01-01,").Take(1)
                .Concat(Rows("a", "s1", "-TTTTTTTTTTT", ",,,"))
                .Concat(Rows("b", "s1", "-------TTTT-", ",,2025-08-15,")),
            Header + ",total,activeFrom,activeTo");

        var (exit, stdout, _) = await Party.RunAsync("classify", "--year", "2025", "--through", "11", input);

        Assert.Equal(0, exit);
        Assert.Contains("a,s1,11,10,10,1,TrungBinh,HTNV,", stdout, StringComparison.Ordinal);
        Assert.Contains("b,s1,4,4,4,0,Insufficient,,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_quota_a_unit_is_proposed_HTTNV_and_flagged()
    {
        var input = Input(
            Rows("a", "s1", "TTTTTTTTTTTT", ",95").Concat(Rows("b", "s1", "TTTTTTTTTTTT", ",99"))
                .Concat(Rows("c", "s1", "KKKKKKKKKKKK", ",")).Concat(Rows("d", "s1", "KKKKKKKKKKKK", ","))
                .Concat(Rows("e", "s1", "KKKKKKKKKKKK", ",")),
            Header + ",total");

        var (exit, stdout, _) = await Party.RunAsync("classify", "--year", "2025", input);

        Assert.Equal(0, exit);
        Assert.Contains("a,s1,12,12,12,0,Tot,HTTNV,quota", stdout, StringComparison.Ordinal);
        Assert.Contains("b,s1,12,12,12,0,Tot,HTXSNV,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Annual_facts_on_any_row_of_the_unit_apply()
    {
        var rows = Rows("a", "s1", "TTTTTTTTTTTT", ",,,,,,,").ToList();
        rows[3] = "a,s1,4,Tot,,false,true,8,2,0,0,0.9";
        var input = Input(rows, Header + ",disciplined,openRemediation,membersHTXSNV,membersHTTNV,membersHTNV,membersKHTNV,targetsMetRate");

        var (exit, stdout, _) = await Party.RunAsync("classify", "--year", "2025", input);

        Assert.Equal(0, exit);
        Assert.Contains("a,s1,12,12,12,0,Tot,HTTNV,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_malformed_row_is_reported_with_its_line_number()
    {
        var input = Input(
        [
            "a,s1,1,Tot,,",
            "a,s1,13,Tot,,",
            "a,s1,2,Good,,",
            "a,s1,1,Kha,,",
            ",s1,3,Tot,,",
            "b,s1,x,Tot,Mediocre,",
            "b,s1,4,Tot",
            "c,s1,1,Tot,,2025-01-01",
            "c,s2,2,Tot,,2025-02-01",
        ], Header + ",activeFrom");

        var (exit, stdout, error) = await Party.RunAsync("classify", "--year", "2025", input);

        Assert.Equal(2, exit);
        Assert.Empty(stdout);
        Assert.Equal(
        [
            "line 3: month '13' is not a whole number from 1 to 12",
            "line 4: band 'Good' is not one of Tot, Kha, TrungBinh, Kem",
            "line 5: unit a month 1 is already on line 2",
            "line 6: unitId is empty",
            "line 7: month 'x' is not a whole number from 1 to 12",
            "line 7: confirmedBand 'Mediocre' is not one of Tot, Kha, TrungBinh, Kem",
            "line 8: 4 fields where the header has 6",
            "line 10: superiorId 's2' disagrees with 's1' on line 9",
            "line 10: activeFrom '2025-02-01' disagrees with '2025-01-01' on line 9",
        ], error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_missing_column_is_reported_on_line_1()
    {
        var (exit, _, error) = await Party.RunAsync("classify", "--year", "2025", Input(["a,s1,1"], "unitId,superiorId,month"));

        Assert.Equal(2, exit);
        Assert.Contains("line 1: missing column 'band'", error, StringComparison.Ordinal);
        Assert.Contains("line 1: missing column 'confirmedBand'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_through_month_out_of_range_exits_2()
    {
        var (exit, _, error) = await Party.RunAsync("classify", "--year", "2025", "--through", "13", Input([]));

        Assert.Equal(2, exit);
        Assert.Contains("--through", error, StringComparison.Ordinal);
    }
}
