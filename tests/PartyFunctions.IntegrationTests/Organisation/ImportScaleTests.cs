using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;

namespace PartyFunctions.IntegrationTests.Organisation;

/// <summary>
/// 10,000 units import and re-import correctly against Azurite. How long it takes is the bench's `import` mode
/// (docs/benchmarks.md), which imports this same file: a bound is a benchmark figure, not a pass/fail on a shared machine.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ImportScaleTests(AzuriteFixture azurite)
{
    public const int Units = 10_000;

    [Fact]
    public async Task Ten_thousand_units_import_and_a_re_import_writes_nothing()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var import = host.Services.GetRequiredService<ImportUnits>();
        var file = Province(Units);

        var first = await import.RunAsync(file, deactivateMissing: false, default);
        var second = await import.RunAsync(file, deactivateMissing: true, default);

        Assert.Equal(Units, first.Created);
        Assert.Equal((0, Units), (second.Updated, second.Unchanged));
        Assert.Equal(Units, (await host.Services.GetRequiredService<IUnitStore>().GetSubtreeAsync("TH", default)).Count);
    }

    /// <summary>One province, 10 districts, 50 grassroots committees each, and cells to make up <paramref name="total"/>.</summary>
    public static byte[] Province(int total)
    {
        var csv = new StringBuilder("id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail\n");
        csv.Append("TH,,province,Tỉnh ủy Thanh Hóa,2020-01-01,,,vp@th.dang.vn,,\n");
        var committees = new List<string>();
        for (var d = 1; d <= 10; d++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"TH.H{d:00},TH,district,Huyện ủy số {d},2020-01-01,,,vp.h{d}@th.dang.vn,,\n");
            for (var g = 1; g <= 50; g++)
            {
                var id = $"TH.H{d:00}.X{g:00}";
                committees.Add(id);
                csv.Append(CultureInfo.InvariantCulture, $"{id},TH.H{d:00},grassroots,Đảng ủy xã {g} huyện {d},2020-01-01,,,vp.{d}.{g}@th.dang.vn,Nguyễn Văn Phụ Trách,pt.{d}.{g}@th.dang.vn\n");
            }
        }

        var cells = total - 1 - 10 - committees.Count;
        for (var c = 0; c < cells; c++)
        {
            var parent = committees[c % committees.Count];
            csv.Append(CultureInfo.InvariantCulture, $"{parent}.CB{c:0000},{parent},cell,Chi bộ thôn số {c},2020-01-01,,bithu{c}@gmail.com,,Lê Thị Theo Dõi,td{c}@th.dang.vn\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
