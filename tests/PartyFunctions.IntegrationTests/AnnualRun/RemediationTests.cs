using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Alerts;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Remediation;
using PartyFunctions.Infrastructure.Remediation;

namespace PartyFunctions.IntegrationTests.AnnualRun;

[Collection(AzuriteCollection.Name)]
public sealed class RemediationTests(AzuriteFixture azurite)
{
    private const string Plan = "/api/remediation/Q.G2.C01/annual-weak/2025";
    private static readonly AlertKey Key = new(AlertRules.AnnualWeak, "Q.G2.C01", "2025");
    private static readonly object TwoItems = new
    {
        items = new[]
        {
            new { title = "Tổ chức lại sinh hoạt chi bộ đúng kỳ", owner = "Bí thư chi bộ", due = "2026-03-31" },
            new { title = "Bổ sung biên bản các tháng thiếu", owner = "Phó bí thư", due = "2026-02-28" },
        },
    };

    [Fact]
    public void Remediation_routes_are_anonymous_with_code_or_link_and_changes_are_never_GETs()
    {
        var metadata = FunctionsMetadata.OfBuiltApp;

        Assert.Equal(("remediation/{unitId}/{rule}/{period}", "Anonymous", "put"),
            (metadata["SubmitRemediationPlan"].Trigger.Route, metadata["SubmitRemediationPlan"].Trigger.AuthLevel, Assert.Single(metadata["SubmitRemediationPlan"].Trigger.Methods!)));
        Assert.Equal(["get"], metadata["GetRemediationPlan"].Trigger.Methods);
        Assert.Equal(("remediation/{unitId}/{rule}/{period}/items/{itemId}/evidence", "post"),
            (metadata["UploadRemediationEvidence"].Trigger.Route, Assert.Single(metadata["UploadRemediationEvidence"].Trigger.Methods!)));
        Assert.Equal(("remediation/{unitId}/{rule}/{period}/accept", "post"),
            (metadata["AcceptRemediationPlan"].Trigger.Route, Assert.Single(metadata["AcceptRemediationPlan"].Trigger.Methods!)));
        Assert.Equal(("remediation/{unitId}/{rule}/{period}/items/{itemId}/close", "post"),
            (metadata["CloseRemediationItem"].Trigger.Route, Assert.Single(metadata["CloseRemediationItem"].Trigger.Methods!)));
    }

    [Fact]
    public async Task A_weak_cell_submits_a_plan_with_evidence_and_closing_the_plan_after_its_items_resolves_the_annual_weak_alert()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        var link = Uri.EscapeDataString(province.Link(RemediationRequests.LinkAction, "Q.G2"));

        var submitted = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code));
        var again = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code));
        Assert.True(submitted.Status == HttpStatusCode.Created, submitted.ToString());
        Assert.Equal(HttpStatusCode.OK, again.Status);

        Assert.Equal(HttpStatusCode.Created, (await Upload(host, code, "1", Samples.Pdf(), "bien-ban.pdf")).Status);
        Assert.Equal(HttpStatusCode.OK, (await Upload(host, code, "1", Samples.Pdf(), "ban-sao.pdf")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Upload(host, code, "2", Samples.Docx(), "ke-hoach.docx")).Status);
        Assert.Equal(HttpStatusCode.Created, (await Upload(host, code, "2", Samples.Jpeg(), "anh.jpg")).Status);
        var renamed = await Upload(host, code, "2", Samples.Png(), "bien-ban.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Created, renamed.Status);

        var accepted = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={link}&by=Nguyễn Văn An");
        var revised = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Conflict), (accepted.Status, revised.Status));
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Post, $"{Plan}/items/1/close?link={link}")).Status);
        Assert.True((await Alerts(host).GetAsync(Key, default))!.Alert.IsOpen);
        var last = await host.SendAsync(HttpMethod.Post, $"{Plan}/items/2/close?link={link}");
        var repeated = await host.SendAsync(HttpMethod.Post, $"{Plan}/items/2/close?link={link}");
        Assert.True((await Alerts(host).GetAsync(Key, default))!.Alert.IsOpen);
        var closed = await host.SendAsync(HttpMethod.Post, $"{Plan}/close?link={link}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (last.Status, repeated.Status, closed.Status));
        Assert.False((await Alerts(host).GetAsync(Key, default))!.Alert.IsOpen);
        Assert.True((await Alerts(host).GetAsync(Key with { UnitId = "Q.G2.C02" }, default))!.Alert.IsOpen);
        var plan = (await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan;
        Assert.Equal((PlanState.Closed, "Nguyễn Văn An"), (plan.State, plan.AcceptedBy));
        Assert.Equal(["application/pdf"], plan.Items[0].Evidence.Select(e => e.ContentType));
        Assert.Equal(
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/jpeg", "image/png"],
            plan.Items[1].Evidence.Select(e => e.ContentType));
        Assert.EndsWith(".png", plan.Items[1].Evidence[2].BlobName, StringComparison.Ordinal);
        Assert.Equal(4, (await BlobsAsync(host)).Count);
    }

    [Fact]
    public async Task Evidence_is_typed_by_its_bytes_and_limited_to_10_MB_and_a_refused_file_stores_nothing()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code))).Status);

        var text = await Upload(host, code, "1", "Biên bản họp chi bộ"u8.ToArray(), "bien-ban.pdf", "application/pdf");
        var zip = await Upload(host, code, "1", Samples.Zip("xl/workbook.xml"), "bao-cao.docx");
        var exe = await Upload(host, code, "1", [0x4D, 0x5A, 0x90, 0x00, 0x03], "anh.jpg", "image/jpeg");
        var broken = await Upload(host, code, "1", [0x50, 0x4B, 0x03, 0x04, 0x00], "hong.docx");
        var tooLarge = await Upload(host, code, "1", Samples.Pdf((int)EvidenceSniffer.MaxBytes + 1), "lon.pdf");
        var unknownItem = await Upload(host, code, "9", Samples.Pdf(), "a.pdf");

        Assert.Equal(
            (HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType, HttpStatusCode.UnsupportedMediaType),
            (text.Status, zip.Status, exe.Status, broken.Status));
        var problem = text.Json<System.Text.Json.JsonElement>();
        Assert.Equal(("https://partyfunctions.example/problems/unsupported-media-type", 415), (problem.GetProperty("type").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.StartsWith("Chỉ nhận tệp PDF", problem.GetProperty("vi").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Only PDF", problem.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotFound), (tooLarge.Status, unknownItem.Status));
        Assert.Empty(await BlobsAsync(host));
        Assert.All((await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan.Items, i => Assert.Empty(i.Evidence));

        var atLimit = await Upload(host, code, "1", Samples.Pdf((int)EvidenceSniffer.MaxBytes), "dung-10mb.pdf");
        Assert.Equal(HttpStatusCode.Created, atLimit.Status);
    }

    [Fact]
    public async Task Plans_refuse_missing_codes_units_without_an_alert_bad_items_and_foreign_or_tampered_links_with_a_4xx()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        var codes = await province.CodesAsync("Q.G1");

        var noCode = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems));
        var otherCellsCode = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(codes["Q.G1.C01"]));
        var noAlert = await host.SendAsync(HttpMethod.Put, "/api/remediation/Q.G1.C01/annual-weak/2025", JsonContent.Create(TwoItems), Code(codes["Q.G1.C01"]));
        var otherRule = await host.SendAsync(HttpMethod.Put, "/api/remediation/Q.G2.C01/overdue/2025-11", JsonContent.Create(TwoItems), Code(code));
        var unknownUnit = await host.SendAsync(HttpMethod.Put, "/api/remediation/Q.G9.C01/annual-weak/2025", JsonContent.Create(TwoItems), Code(code));
        var notJson = await host.SendAsync(HttpMethod.Put, Plan, new StringContent("items=1"), Code(code));
        var noOwner = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(new { items = new[] { new { title = "Việc", due = "2026-01-31" } } }), Code(code));
        var badDue = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(new { items = new[] { new { title = "Việc", owner = "A", due = "31/02/2026" } } }), Code(code));
        var acceptBeforeSubmit = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={Uri.EscapeDataString(province.Link("remediation", "Q"))}");

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Forbidden),
            (noCode.Status, otherCellsCode.Status, noAlert.Status, otherRule.Status, unknownUnit.Status));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound),
            (notJson.Status, noOwner.Status, badDue.Status, acceptBeforeSubmit.Status));
        Assert.Contains("người phụ trách", noOwner.Body, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default));

        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code))).Status);
        var closeBeforeAccept = await host.SendAsync(HttpMethod.Post, $"{Plan}/items/1/close?link={Uri.EscapeDataString(province.Link("remediation", "Q"))}");
        var foreign = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={Uri.EscapeDataString(province.Link("remediation", "Q.G1"))}");
        var tampered = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={Uri.EscapeDataString(province.Link("remediation", "Q"))}A");
        var otherAction = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={Uri.EscapeDataString(province.Link("decide", "Q"))}");

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (closeBeforeAccept.Status, foreign.Status, tampered.Status, otherAction.Status));
        Assert.Equal(PlanState.Submitted, (await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan.State);
    }

    [Fact]
    public async Task A_plan_too_long_to_store_is_413_with_a_message_and_nothing_is_stored()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        var text = string.Concat(Enumerable.Repeat("Tổ chức lại sinh hoạt chi bộ đúng kỳ, ", 40))[..700];

        var tooLong = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(Items(20, text, text)), Code(code));

        Assert.True(tooLong.Status == HttpStatusCode.RequestEntityTooLarge, tooLong.ToString());
        Assert.Contains("quá dài để lưu", tooLong.Body, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default));
    }

    [Fact]
    public async Task A_plan_at_the_units_limit_can_still_be_accepted_and_every_item_and_the_plan_closed_with_long_names_and_notes()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        var text = string.Concat(Enumerable.Repeat("Bổ sung biên bản các tháng thiếu, ", 20))[..520];
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(Items(20, text, text)), Code(code))).Status);
        var link = Uri.EscapeDataString(province.Link("remediation", "Q"));
        var by = Uri.EscapeDataString(new string('Đ', 200));
        var note = Uri.EscapeDataString(new string('ư', ReviewRemediationPlan.MaxNote));

        var accepted = await host.SendAsync(HttpMethod.Post, $"{Plan}/accept?link={link}&by={by}");
        var closed = new List<HttpStatusCode>();
        for (var item = 1; item <= 20; item++)
        {
            closed.Add((await host.SendAsync(HttpMethod.Post, $"{Plan}/items/{item}/close?link={link}&by={by}&note={note}")).Status);
        }

        closed.Add((await host.SendAsync(HttpMethod.Post, $"{Plan}/close?link={link}&by={by}&note={note}")).Status);

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.All(closed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(PlanState.Closed, (await host.Services.GetRequiredService<IRemediationStore>().GetAsync(Key, default))!.Plan.State);
    }

    [Fact]
    public async Task An_item_holds_at_most_ten_files_and_the_eleventh_is_413_and_not_stored()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;
        Assert.Equal(HttpStatusCode.Created, (await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(TwoItems), Code(code))).Status);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < PlanSize.MaxEvidencePerItem + 1; i++)
        {
            var pdf = Samples.Pdf();
            pdf[100] = (byte)i;
            statuses.Add((await Upload(host, code, "1", pdf, $"bien-ban-{i}.pdf")).Status);
        }

        Assert.All(statuses[..PlanSize.MaxEvidencePerItem], s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, statuses[^1]);
        Assert.Equal(PlanSize.MaxEvidencePerItem, (await BlobsAsync(host)).Count);
    }

    [Fact]
    public async Task A_plan_body_past_64_KiB_is_413_before_it_is_parsed()
    {
        var (province, code) = await WeakYearAsync();
        await using var host = province.Host;

        var huge = await host.SendAsync(HttpMethod.Put, Plan, JsonContent.Create(Items(20, new string('a', 4000), "Bí thư")), Code(code));

        Assert.True(huge.Status == HttpStatusCode.RequestEntityTooLarge, huge.ToString());
        Assert.Contains("64 KB", huge.Body, StringComparison.Ordinal);
    }

    private static object Items(int count, string title, string owner) => new
    {
        items = Enumerable.Range(1, count).Select(_ => new { title, owner, due = "2026-03-31" }).ToArray(),
    };

    private async Task<(Province Province, string Code)> WeakYearAsync()
    {
        var province = await Province.ClassifiedAsync(azurite);
        Assert.True((await Alerts(province.Host).GetAsync(Key, default))!.Alert.IsOpen);
        return (province, (await province.CodesAsync("Q.G2"))["Q.G2.C01"]);
    }

    private static IAlertStore Alerts(FunctionHost host) => host.Services.GetRequiredService<IAlertStore>();

    private static Dictionary<string, string> Code(string code) => new() { [PartyFunctions.Access.Routes.AccessCodeHeader] = code };

    private static Task<HttpResponseSnapshot> Upload(
        FunctionHost host, string code, string item, byte[] bytes, string fileName, string declared = "application/octet-stream")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(declared);
        var form = new MultipartFormDataContent { { file, "file", fileName } };
        return host.SendAsync(HttpMethod.Post, $"{Plan}/items/{item}/evidence", form, Code(code));
    }

    private static async Task<List<string>> BlobsAsync(FunctionHost host)
    {
        var container = await host.Services.GetRequiredService<RemediationTables>().EvidenceAsync();
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }

    /// <summary>Real leading bytes of each accepted type, and a ZIP builder for DOCX and its look-alikes.</summary>
    private static class Samples
    {
        public static byte[] Pdf(int size = 2048)
        {
            var bytes = new byte[size];
            "%PDF-1.7\n%âãÏÓ\n"u8.CopyTo(bytes);
            return bytes;
        }

        public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0xFF, 0xD9];

        public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];

        public static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml");

        public static byte[] Zip(params string[] entries)
        {
            using var stream = new MemoryStream();
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                    writer.Write("<?xml version=\"1.0\"?><x/>");
                }
            }

            return stream.ToArray();
        }
    }
}
