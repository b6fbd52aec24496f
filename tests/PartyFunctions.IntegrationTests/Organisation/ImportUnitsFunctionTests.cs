using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Organisation;
using PartyFunctions.Infrastructure.Organisation;

namespace PartyFunctions.IntegrationTests.Organisation;

[Collection(AzuriteCollection.Name)]
public sealed class ImportUnitsFunctionTests(AzuriteFixture azurite)
{
    private const string Route = "/api/admin/units/import";

    [Fact]
    public void Is_a_POST_behind_a_function_key()
    {
        var trigger = FunctionsMetadata.OfBuiltApp["ImportUnits"].Trigger;

        Assert.Equal("admin/units/import", trigger.Route);
        Assert.Equal(["post"], trigger.Methods);
        Assert.Equal("Function", trigger.AuthLevel);
    }

    [Fact]
    public async Task Imports_a_file_with_BOM_and_Vietnamese_names_and_reports_the_counts()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));

        var report = await ImportAsync(host, SampleUnits.Csv());

        Assert.Equal((7, 0, 0, 0), (report.Created, report.Updated, report.Unchanged, report.Deactivated));
        var cell = await Store(host).GetAsync("BN.TUMAI.DONGCAO.CB1", default);
        Assert.Equal("Chi bộ thôn Đông", cell!.Name);
        Assert.Equal(UnitKind.Cell, cell.Kind);
        Assert.Equal("bithu1@gmail.com", cell.SecretaryEmail);
        Assert.Equal(("Lê Văn Cường", "cuong@dongcao.dang.vn"), (cell.AssignedMemberName, cell.AssignedMemberEmail));
    }

    [Fact]
    public async Task Re_importing_the_same_file_changes_nothing()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportAsync(host, SampleUnits.Csv());
        var before = await Store(host).GetAllAsync(default);

        var report = await ImportAsync(host, SampleUnits.Csv(bom: false));

        Assert.Equal((0, 0, 7, 0), (report.Created, report.Updated, report.Unchanged, report.Deactivated));
        Assert.Equal(before.OrderBy(u => u.Id), (await Store(host).GetAllAsync(default)).OrderBy(u => u.Id));
    }

    [Fact]
    public async Task A_changed_row_updates_that_unit_only()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportAsync(host, SampleUnits.Csv());

        var report = await ImportAsync(host, SampleUnits.Csv(SampleUnits.With(
            "BN.TUMAI.DONGCAO.CB2,BN.TUMAI.DONGCAO,cell,Chi bộ thôn Tây mới,2020-01-01,2025-12-31,bithu2moi@gmail.com,,,")));

        Assert.Equal((0, 1, 6), (report.Created, report.Updated, report.Unchanged));
        var cell = await Store(host).GetAsync("BN.TUMAI.DONGCAO.CB2", default);
        Assert.Equal(("Chi bộ thôn Tây mới", "bithu2moi@gmail.com", new DateOnly(2025, 12, 31)), (cell!.Name, cell.SecretaryEmail, cell.ActiveTo));
    }

    [Fact]
    public async Task A_unit_missing_from_the_file_is_deactivated_only_with_the_flag_and_never_deleted()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportAsync(host, SampleUnits.Csv());
        var withoutCb2 = SampleUnits.Rows.Where(r => !r.StartsWith("BN.TUMAI.DONGCAO.CB2,", StringComparison.Ordinal)).ToArray();

        var kept = await ImportAsync(host, SampleUnits.Csv(withoutCb2));
        Assert.Equal((0, 1), (kept.Deactivated, kept.Missing));
        Assert.Null((await Store(host).GetAsync("BN.TUMAI.DONGCAO.CB2", default))!.ActiveTo);

        var deactivated = await ImportAsync(host, SampleUnits.Csv(withoutCb2), deactivateMissing: true);
        Assert.Equal((1, 6), (deactivated.Deactivated, deactivated.Unchanged));
        var cb2 = await Store(host).GetAsync("BN.TUMAI.DONGCAO.CB2", default);
        Assert.Equal(VietnamDate.Today(TimeProvider.System), cb2!.ActiveTo);
        Assert.Contains(await Store(host).GetChildrenAsync("BN.TUMAI.DONGCAO", default), u => u.Id == "BN.TUMAI.DONGCAO.CB2");

        var again = await ImportAsync(host, SampleUnits.Csv(withoutCb2), deactivateMissing: true);
        Assert.Equal((0, 0, 6), (again.Deactivated, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_every_bad_line_and_nothing_is_written()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        await ImportAsync(host, SampleUnits.Csv());
        var before = await Store(host).GetAllAsync(default);
        var rows = SampleUnits.Rows.Select(r => r.Replace("Chi bộ thôn Đông", "Chi bộ thôn Đông (đổi tên)", StringComparison.Ordinal))
            .Concat([
                "BN.X1,BN.TUMAI.DONGCAO,cell,Chi bộ X1,2020-01-01,,khong-phai-email,,,",
                "BN.X2,BN.KHONGCO,cell,Chi bộ X2,2020-01-01,,x2@gmail.com,,,",
                "BN.X3,BN.TUMAI.DONGCAO.CB1,cell,Chi bộ dưới chi bộ,2020-01-01,,x3@gmail.com,,,",
                "BN.X4,BN.TUMAI.DONGCAO,cell,Chi bộ X4,31/02/2024,,x4@gmail.com,,,",
                "BN.TUMAI.DONGCAO.CB1,BN.TUMAI.DONGCAO,cell,Trùng mã,2020-01-01,,dup@gmail.com,,,",
            ]).ToArray();

        var response = await host.SendAsync(HttpMethod.Post, Route, Content(SampleUnits.Csv(rows)));

        Assert.True(response.Status == HttpStatusCode.BadRequest, response.ToString());
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        var errors = response.Json<System.Text.Json.JsonElement>().GetProperty("errors").EnumerateArray()
            .Select(e => (Field: e.GetProperty("field").GetString(), Vi: e.GetProperty("vi").GetString()!)).ToList();
        Assert.Equal(["line 9", "line 10", "line 11", "line 12", "line 13"], errors.Select(e => e.Field));
        Assert.Contains("email", errors[0].Vi, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("BN.KHONGCO", errors[1].Vi, StringComparison.Ordinal);
        Assert.Contains("chi bộ không có đơn vị trực thuộc", errors[2].Vi, StringComparison.Ordinal);
        Assert.Contains("31/02/2024", errors[3].Vi, StringComparison.Ordinal);
        Assert.Contains("dòng 5", errors[4].Vi, StringComparison.Ordinal);
        Assert.Equal(before.OrderBy(u => u.Id), (await Store(host).GetAllAsync(default)).OrderBy(u => u.Id));
    }

    [Fact]
    public async Task Stores_the_file_in_Blob_exactly_as_received_even_when_it_is_refused()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        var file = SampleUnits.Csv("BN,,province,Tỉnh ủy,không-phải-ngày,,,,,");

        var response = await host.SendAsync(HttpMethod.Post, Route, Content(file));

        var archivedAs = response.Json<System.Text.Json.JsonElement>().GetProperty("archivedAs").GetString();
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var container = await host.Services.GetRequiredService<OrganisationTables>().ImportsAsync();
        var stored = await container.GetBlobClient(archivedAs).DownloadContentAsync();
        Assert.Equal(file, stored.Value.Content.ToArray());
    }

    [Fact]
    public async Task Accepts_the_file_as_one_part_of_a_multipart_form()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));
        using var form = new MultipartFormDataContent { { Content(SampleUnits.Csv()), "file", "units.csv" } };

        var response = await host.SendAsync(HttpMethod.Post, Route, form);

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        Assert.Equal(7, response.Json<UnitImportReport>().Created);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("""{"claims":[{"typ":"roles","val":"Reader"}]}""")]
    public async Task With_App_Service_Authentication_on_a_principal_without_PartyAdmin_is_refused(string principalJson)
    {
        var settings = new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = "True" };
        await using var host = FunctionHost.Create(TestSettings.For(azurite, settings));
        var headers = principalJson.Length == 0 ? null : new Dictionary<string, string>
        {
            ["x-ms-client-principal"] = principalJson.StartsWith('{') ? Convert.ToBase64String(Encoding.UTF8.GetBytes(principalJson)) : principalJson,
        };

        var response = await host.SendAsync(HttpMethod.Post, Route, Content(SampleUnits.Csv()), headers);

        Assert.Equal(headers is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.Status);
        Assert.Empty(await Store(host).GetAllAsync(default));
    }

    [Fact]
    public async Task With_App_Service_Authentication_on_a_PartyAdmin_may_import()
    {
        var settings = new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = "True" };
        await using var host = FunctionHost.Create(TestSettings.For(azurite, settings));
        const string principal = """
            {"auth_typ":"aad","name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"name","val":"Văn phòng"},{"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"PartyAdmin"}]}
            """;
        var headers = new Dictionary<string, string> { ["x-ms-client-principal"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principal)) };

        var response = await host.SendAsync(HttpMethod.Post, Route, Content(SampleUnits.Csv()), headers);

        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }

    [Theory]
    [InlineData("?deactivateMissing=maybe")]
    public async Task A_bad_flag_is_a_400_not_a_500(string query)
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));

        var response = await host.SendAsync(HttpMethod.Post, Route + query, Content(SampleUnits.Csv()));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Empty(await Store(host).GetAllAsync(default));
    }

    [Fact]
    public async Task An_empty_or_binary_body_is_a_400_not_a_500()
    {
        await using var host = FunctionHost.Create(TestSettings.For(azurite));

        var empty = await host.SendAsync(HttpMethod.Post, Route, Content([]));
        var binary = await host.SendAsync(HttpMethod.Post, Route, Content([0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x0A]));

        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, binary.Status);
    }

    internal static async Task<UnitImportReport> ImportAsync(FunctionHost host, byte[] csv, bool deactivateMissing = false)
    {
        var response = await host.SendAsync(HttpMethod.Post, Route + (deactivateMissing ? "?deactivateMissing=true" : ""), Content(csv));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Json<UnitImportReport>();
    }

    private static IUnitStore Store(FunctionHost host) => host.Services.GetRequiredService<IUnitStore>();

    private static ByteArrayContent Content(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
