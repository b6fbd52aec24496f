using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Organisation;

namespace PartyFunctions.IntegrationTests.Organisation;

/// <summary>
/// The copy of a unit kept in its <c>AccessCodes</c> partition (sign-in reads it with the code in one query) is written
/// with the unit's code and follows every later write of the registry; the import rewrites copies that are stale, or
/// missing beside a code, without writing anything else.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignInCopyTests(AzuriteFixture azurite)
{
    private const string Cb1 = "BN.TUMAI.DONGCAO.CB1", Cb2 = "BN.TUMAI.DONGCAO.CB2";

    [Fact]
    public async Task A_created_unit_gets_its_copy_with_its_code_and_every_unit_moved_or_deactivated_later_has_a_copy_equal_to_the_registry()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        var created = await CopiesAsync(host);
        await host.Services.GetRequiredService<IAccessCodeStore>().SaveCodesAsync(
            [(Cb1, AccessCodeHash.Create("123456", DateTimeOffset.UnixEpoch, 1))], default);
        var issued = await CopiesAsync(host);

        // CB1 moves to another committee; CB2 is left out of the file and deactivated.
        var rows = SampleUnits.With("BN.TUMAI.DONGCAO.CB1,BN.PHUONG1,cell,Chi bộ thôn Đông,2020-01-01,,bithu1@gmail.com,,,")
            .Where(r => !r.StartsWith(Cb2, StringComparison.Ordinal)).ToArray();
        var report = await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv(rows), deactivateMissing: true);
        var registry = await host.Services.GetRequiredService<IUnitStore>().GetAllAsync(default);
        var copies = await CopiesAsync(host);

        Assert.Empty(created);
        Assert.Equal([Cb1], issued.Keys);
        Assert.Equal((1, 1), (report.Updated, report.Deactivated));
        Assert.All(copies.Values, copy => Assert.Contains(copy, registry));
        Assert.Equal("BN.PHUONG1", copies[Cb1].ParentId);
        Assert.NotNull(copies[Cb2].ActiveTo);
    }

    [Fact]
    public async Task Re_importing_the_same_file_writes_no_table_entity()
    {
        var log = new StorageRequestLog(azurite);
        await using var host = FunctionHost.Create(TestSettings.For(azurite), log.Register);
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());

        var requests = await log.DuringAsync(() => ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv()));

        // Only the file itself is kept (the imports container): reads otherwise.
        Assert.Equal([("blob", "PUT")], requests.Where(r => r.IsWrite).Select(r => (r.Service, r.Method)));
    }

    [Fact]
    public async Task A_missing_or_stale_copy_is_rewritten_by_the_next_import_and_reported_as_repaired()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        var codes = await host.Services.GetRequiredService<OrganisationTables>().AccessCodesAsync(default);
        var store = host.Services.GetRequiredService<IUnitStore>();
        var cb1 = (await store.GetAsync(Cb1, default))!;
        await host.Services.GetRequiredService<IAccessCodeStore>().SaveCodesAsync(
            [(Cb1, AccessCodeHash.Create("123456", DateTimeOffset.UnixEpoch, 1)), (Cb2, AccessCodeHash.Create("654321", DateTimeOffset.UnixEpoch, 1))], default);
        await codes.DeleteEntityAsync(Cb2, UnitEntities.SignInCopyRow);
        await codes.UpsertEntityAsync(UnitEntities.SignInCopy(cb1 with { ParentId = "BN.PHUONG1", ActiveTo = new DateOnly(2025, 1, 31) }), TableUpdateMode.Replace);

        var stale = await store.FindStaleCopiesAsync(await store.GetAllAsync(default), default);
        var report = await ImportUnitsFunctionTests.ImportAsync(host, SampleUnits.Csv());
        var copies = await CopiesAsync(host);

        Assert.Equal([Cb1, Cb2], stale.Order(StringComparer.Ordinal));
        Assert.Equal((0, 7, 2), (report.Updated, report.Unchanged, report.Repaired));
        Assert.Equal(cb1, copies[Cb1]);
        Assert.Equal(await store.GetAsync(Cb2, default), copies[Cb2]);
    }

    private static async Task<Dictionary<string, Unit>> CopiesAsync(FunctionHost host)
    {
        var codes = await host.Services.GetRequiredService<OrganisationTables>().AccessCodesAsync(default);
        var copies = new Dictionary<string, Unit>(StringComparer.Ordinal);
        await foreach (var e in codes.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {UnitEntities.SignInCopyRow}")))
        {
            copies[e.PartitionKey] = UnitEntities.Read(e);
        }

        return copies;
    }
}
