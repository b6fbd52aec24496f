using System.Net;
using System.Text.Json;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>The attendance JSON API: versions as ETags, If-Match amendments, problem details naming the field.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AttendanceApiTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Put_records_201_with_an_ETag_and_an_amendment_under_If_Match_is_200_with_the_next_version()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);

        var created = await world.PutJsonAsync(AttendanceWorld.Json(score: 85));
        var amended = await world.PutJsonAsync(AttendanceWorld.Json(score: 90, observations: "Đã sửa"), ifMatch: created.Headers.ETag);

        Assert.True(created.Status == HttpStatusCode.Created, created.ToString());
        Assert.Equal("\"1\"", created.Headers.ETag.ToString());
        Assert.Equal(85, Json(created).GetProperty("score").GetProperty("total").GetDecimal());
        Assert.True(amended.Status == HttpStatusCode.OK, amended.ToString());
        Assert.Equal("\"2\"", amended.Headers.ETag.ToString());
        var stored = Assert.Single(await world.NovemberAsync());
        Assert.Equal((2, "Đã sửa", 90m), (stored.Version, stored.Observations, stored.Score!.Total));
    }

    [Fact]
    public async Task A_second_record_without_If_Match_or_with_a_stale_one_is_409_and_changes_nothing()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json())).Status);
        Assert.Equal(HttpStatusCode.OK, (await world.PutJsonAsync(AttendanceWorld.Json(observations: "Hai"), ifMatch: "\"1\"")).Status);

        var withoutVersion = await world.PutJsonAsync(AttendanceWorld.Json(observations: "Ba"));
        var stale = await world.PutJsonAsync(AttendanceWorld.Json(observations: "Bốn"), ifMatch: "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, withoutVersion.Status);
        Assert.Equal("already-recorded", Json(withoutVersion).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.StartsWith("application/problem+json", stale.ContentType, StringComparison.Ordinal);
        Assert.Equal("stale-version", Json(stale).GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Contains("changed since you opened it", Json(stale).GetProperty("en").GetString(), StringComparison.Ordinal);
        var stored = Assert.Single(await world.NovemberAsync());
        Assert.Equal((2, "Hai"), (stored.Version, stored.Observations));
    }

    [Fact]
    public async Task A_score_beyond_the_packs_maximum_is_400_naming_score_criteria_conduct_and_stores_nothing()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        var body = JsonSerializer.SerializeToNode(AttendanceWorld.Json(score: 85))!;
        body["score"]!["criteria"]!["conduct"] = 26;
        body["attendees"] = new System.Text.Json.Nodes.JsonArray();

        var response = await world.PutJsonAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var errors = Json(response).GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("score.criteria.conduct", "out-of-range"), errors);
        Assert.Contains(("attendees", "required"), errors);
        Assert.Empty(await world.NovemberAsync());
        Assert.Equal(0, await world.Submissions.ArchivedAsync());
    }

    [Fact]
    public async Task The_same_receipt_sent_again_is_200_and_stores_nothing_new()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        var receipt = ReceiptId.New();
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json(score: 85, receiptId: receipt))).Status);

        var again = await world.PutJsonAsync(AttendanceWorld.Json(score: 85, receiptId: receipt));
        var otherContent = await world.PutJsonAsync(AttendanceWorld.Json(score: 80, receiptId: receipt));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("\"1\"", again.Headers.ETag.ToString());
        Assert.Equal(HttpStatusCode.Conflict, otherContent.Status);
        Assert.Equal(1, Assert.Single(await world.NovemberAsync()).Version);
    }

    [Fact]
    public async Task Get_reads_the_members_record_with_its_ETag_404_for_a_month_without_one_and_403_for_a_bad_link()
    {
        await using var world = await AttendanceWorld.CreateAsync(azurite);
        Assert.Equal(HttpStatusCode.Created, (await world.PutJsonAsync(AttendanceWorld.Json())).Status);

        var found = await world.GetJsonAsync();
        var none = await world.GetJsonAsync("2025-10");
        var forbidden = await world.PutJsonAsync(AttendanceWorld.Json(), link: world.Link + "x");

        Assert.Equal(HttpStatusCode.OK, found.Status);
        Assert.Equal("\"1\"", found.Headers.ETag.ToString());
        Assert.Equal("2025-11-12", Json(found).GetProperty("meetingDate").GetString());
        Assert.Equal(HttpStatusCode.NotFound, none.Status);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);
        Assert.StartsWith("application/problem+json", forbidden.ContentType, StringComparison.Ordinal);
    }

    private static JsonElement Json(HttpResponseSnapshot response) => JsonDocument.Parse(response.Body).RootElement;
}
