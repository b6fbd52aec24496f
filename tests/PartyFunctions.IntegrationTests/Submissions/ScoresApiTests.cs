using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Scoring;

namespace PartyFunctions.IntegrationTests.Submissions;

/// <summary>The JSON API, the superior's confirmation and a corpus of malformed requests.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ScoresApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_JSON_submission_is_201_and_the_cell_reads_it_back_with_its_code()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var created = await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: "INTEGRATION-0001"));
        var read = await world.Host.SendAsync(HttpMethod.Get, $"/api/scores/{SubmissionWorld.Cell}/2025-11", null,
            new Dictionary<string, string> { ["X-Access-Code"] = world.Code });
        var retry = await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, receiptId: "INTEGRATION-0001"));

        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        using var json = JsonDocument.Parse(read.Body);
        Assert.Equal(("2025-11", 95, "Tot", "INTEGRATION-0001"), (json.RootElement.GetProperty("period").GetString(),
            json.RootElement.GetProperty("total").GetInt32(), json.RootElement.GetProperty("band").GetString(), json.RootElement.GetProperty("receiptId").GetString()));
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Errors_are_problem_details_naming_each_field()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);

        var response = await world.PostJsonAsync(SubmissionWorld.Json(SubmissionWorld.Cell, world.Code, conduct: 30));

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("criteria.conduct", json.RootElement.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task The_superior_confirms_with_a_signed_link_and_a_correction_needs_a_reason()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        await world.PostFormAsync(world.Form());
        await world.Events.ClearMessagesAsync();
        var link = world.Host.Services.GetRequiredService<LinkSigner>().Sign(
            new SignedLink("confirm", SubmissionWorld.Superior, world.Clock.GetUtcNow().AddDays(30), "binh@tumai.dang.vn"));
        var path = $"/api/confirm/{SubmissionWorld.Cell}/2025-11";

        var sheet = await world.Host.SendAsync(HttpMethod.Get, $"{path}?link={link}");
        var noReason = await world.Host.SendAsync(HttpMethod.Post, path, Form(link, "15", reason: ""));
        var corrected = await world.Host.SendAsync(HttpMethod.Post, path, Form(link, "5", reason: "Biên bản thiếu <chữ ký>"));
        var forged = await world.Host.SendAsync(HttpMethod.Get, $"{path}?link={link}x");

        Assert.Equal(HttpStatusCode.OK, sheet.Status);
        Assert.Contains("value=\"22\"", sheet.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Contains("phải ghi lý do", noReason.Body, StringComparison.Ordinal);
        Assert.True(corrected.Status == HttpStatusCode.OK, corrected.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, forged.Status);
        var stored = (await world.StoredAsync())!;
        Assert.Equal((Band.Fair, 78m, "Biên bản thiếu <chữ ký>"), (stored.EffectiveBand, stored.Confirmation!.Total, stored.Confirmation.Reason));
        Assert.Contains("binh@tumai.dang.vn", stored.Confirmation.ConfirmedBy, StringComparison.Ordinal);
        Assert.Equal(95m, stored.Total);
        var e = Assert.Single(await world.EventsAsync());
        Assert.True(e.Confirmed);
        Assert.Equal(Band.Fair, e.Band);
        // The cell cannot change a confirmed month, even before the cut-off.
        Assert.Equal(HttpStatusCode.Conflict, (await world.PostFormAsync(world.Form(("criteria.conduct", "10")))).Status);
    }

    [Fact]
    public async Task Two_hundred_malformed_requests_are_each_a_specific_4xx_and_leave_no_score_nor_message()
    {
        await using var world = await SubmissionWorld.CreateAsync(azurite);
        var requests = Corpus(world).ToList();

        var failures = new List<string>();
        foreach (var (name, method, path, content) in requests)
        {
            var response = await world.Host.SendAsync(method, path, content);
            var code = (int)response.Status;
            if (code is < 400 or >= 500 || response.Body.Length == 0)
            {
                failures.Add($"{name}: {response}");
            }
        }

        Assert.True(requests.Count >= 200, $"{requests.Count} requests");
        Assert.Empty(failures);
        Assert.Empty(await world.Scores.GetYearAsync(SubmissionWorld.Superior, 2025, default));
        Assert.Empty(await world.EventsAsync());
    }

    private static IEnumerable<(string, HttpMethod, string, HttpContent?)> Corpus(SubmissionWorld world)
    {
        var fields = world.Form().Keys.ToList();
        var bad = new[] { "", " ", "-1", "1e9", "99999999999999", "NaN", "abc", "<x>", "12,3,4", "\u0000", "%FF", "Ω" };
        // Every form field with every bad value, except combinations that are valid by design (empty optional boxes).
        foreach (var field in fields.Where(f => f != "receiptId"))
        {
            foreach (var value in bad.Take(field.StartsWith("criteria.", StringComparison.Ordinal) ? 12 : 8))
            {
                var form = world.Form((field, value));
                yield return ($"form {field}={value}", HttpMethod.Post, "/api/form", new FormUrlEncodedContent(form));
            }
        }

        foreach (var field in fields)
        {
            yield return ($"form without {field}", HttpMethod.Post, "/api/form", new FormUrlEncodedContent(world.Form((field, null))));
        }

        var big = new string('x', 70 * 1024);
        yield return ("form over 64 KB", HttpMethod.Post, "/api/form", new StringContent("unitId=" + big, Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("json over 64 KB", HttpMethod.Post, "/api/scores", new StringContent("{\"unitId\":\"" + big + "\"}", Encoding.UTF8, "application/json"));
        yield return ("form as text", HttpMethod.Post, "/api/form", new StringContent("unitId=X", Encoding.UTF8, "text/plain"));
        yield return ("json as form", HttpMethod.Post, "/api/scores", new FormUrlEncodedContent(world.Form()));
        yield return ("no content type", HttpMethod.Post, "/api/scores", new ByteArrayContent([1, 2, 3]));
        yield return ("broken utf-8 form", HttpMethod.Post, "/api/form", Raw([0x75, 0x3D, 0xC3, 0x28], "application/x-www-form-urlencoded"));
        yield return ("broken utf-8 json", HttpMethod.Post, "/api/scores", Raw([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], "application/json"));
        foreach (var json in new[]
        {
            "", "null", "[]", "42", "\"x\"", "{", "{\"unitId\":1}", "{\"unitId\":\"BN\",\"accessCode\":[]}", "{\"period\":2025}",
            "{\"facts\":\"yes\"}", "{\"criteria\":{\"conduct\":\"ten\"}}", "{\"extra\":true}", new string('[', 100) + new string(']', 100),
            "{\"unitId\":\"BN.TUMAI.DONGCAO.CB1\",\"accessCode\":\"X\",\"period\":\"2025-11\",\"criteria\":{},\"facts\":{}}",
        })
        {
            yield return ($"json {json[..Math.Min(json.Length, 30)]}", HttpMethod.Post, "/api/scores", new StringContent(json, Encoding.UTF8, "application/json"));
        }

        foreach (var (unit, period, conduct) in new[]
        {
            ("UNKNOWN.CELL", "2025-11", 22m), ("BN.TUMAI.DONGCAO", "2025-11", 22m), ("bn.lower", "2025-11", 22m), (SubmissionWorld.Cell, "2026-05", 22m),
            (SubmissionWorld.Cell, "2025-11", -1m), (SubmissionWorld.Cell, "2025-11", 25.25m), (SubmissionWorld.Cell, "1999-01", 22m), (SubmissionWorld.Cell, "2025-00", 22m),
        })
        {
            var code = unit == SubmissionWorld.Cell ? world.Code : "ABCD-EFGH-JKMN";
            yield return ($"json {unit} {period} {conduct}", HttpMethod.Post, "/api/scores",
                System.Net.Http.Json.JsonContent.Create(SubmissionWorld.Json(unit, code, period, conduct: conduct)));
        }

        foreach (var path in new[] { "/api/scores/X/2025-11", $"/api/scores/{SubmissionWorld.Cell}/2025-13", $"/api/scores/{SubmissionWorld.Cell}/bad",
                     $"/api/scores/{SubmissionWorld.Cell}/2025-11?link=abc", "/api/confirm/X/2025-11", $"/api/confirm/{SubmissionWorld.Cell}/2025-11?link=a.b" })
        {
            yield return ($"GET {path}", HttpMethod.Get, path, null);
        }

        yield return ("confirm without link", HttpMethod.Post, $"/api/confirm/{SubmissionWorld.Cell}/2025-11", new FormUrlEncodedContent(new Dictionary<string, string>()));
        yield return ("confirm as json", HttpMethod.Post, $"/api/confirm/{SubmissionWorld.Cell}/2025-11", new StringContent("{}", Encoding.UTF8, "application/json"));
    }

    private static ByteArrayContent Raw(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    private static FormUrlEncodedContent Form(string link, string conduct, string reason) => new(new Dictionary<string, string>
    {
        ["link"] = link, ["version"] = "1", ["confirmerName"] = "Trần Thị Bình", ["reason"] = reason,
        ["criteria.preparation"] = "15", ["criteria.attendance"] = "15", ["criteria.duration"] = "5", ["criteria.conduct"] = conduct,
        ["criteria.principles"] = "5", ["criteria.results"] = "23", ["criteria.closing"] = "10",
    });
}
