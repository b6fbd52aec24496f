using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Attendance;
using PartyFunctions.IntegrationTests.Harness;
using PartyFunctions.IntegrationTests.Submissions;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.Attendance;

/// <summary>
/// A <see cref="SubmissionWorld"/> (3 December 2025, the sample province) with an assigned member's signed
/// <c>attend</c> link over the grassroots committee, and helpers to send the attendance form and API.
/// </summary>
internal sealed class AttendanceWorld(SubmissionWorld world) : IAsyncDisposable
{
    public const string Member = "binh@tumai.dang.vn";
    public const string Cell = SubmissionWorld.Cell;
    public const string Superior = SubmissionWorld.Superior;

    public SubmissionWorld Submissions { get; } = world;
    public FunctionHost Host => Submissions.Host;
    public IAttendanceStore Records => Host.Services.GetRequiredService<IAttendanceStore>();
    public string Link => LinkFor(Member);

    public static async Task<AttendanceWorld> CreateAsync(AzuriteFixture azurite) => new(await SubmissionWorld.CreateAsync(azurite));

    public string LinkFor(string member, string action = RecordAttendance.Action, string scope = Superior) =>
        Host.Services.GetRequiredService<LinkSigner>().Sign(new SignedLink(action, scope, Submissions.Clock.GetUtcNow().AddDays(30), MemberKey.Of(member)));

    /// <summary>A valid November record of the cell's meeting on 12 November; with <paramref name="score"/>, observed points summing to it.</summary>
    public Dictionary<string, string> Form(decimal? score = null, params (string Field, string? Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["link"] = Link, ["period"] = "2025-11", ["meetingDate"] = "2025-11-12", ["recordedBy"] = "Trần Thị Bình",
            ["attendees"] = "Trần Thị Bình\nNguyễn Văn An", ["observations"] = "Chuẩn bị chu đáo; thảo luận sôi nổi.",
            ["recommendations"] = "Bám sát nghị quyết tháng.", ["receiptId"] = ReceiptId.New(),
        };
        if (score is { } total)
        {
            foreach (var (field, value) in Sheet(total))
            {
                form[field] = value;
            }
        }

        return SubmissionWorld.Changed(form, changes);
    }

    /// <summary>The observed score as form fields: full marks except conduct and results, which take what is missing from 100.</summary>
    public static IEnumerable<(string, string)> Sheet(decimal total)
    {
        var missing = 100 - total;
        var conduct = 25 - Math.Min(25, missing);
        var results = 25 - (missing - (25 - conduct));
        return
        [
            ("facts.membersTotal", "20"), ("facts.membersExempt", "2"), ("facts.membersPresent", "17"), ("facts.unexcusedAbsent", "0"),
            ("facts.durationMinutes", "95"), ("criteria.preparation", "15"), ("criteria.attendance", "15"), ("criteria.duration", "5"),
            ("criteria.conduct", Text(conduct)), ("criteria.principles", "5"), ("criteria.results", Text(results)), ("criteria.closing", "10"),
        ];
    }

    /// <summary>The same record as the API's JSON body.</summary>
    public static object Json(decimal? score = null, string? receiptId = null, string observations = "Chuẩn bị chu đáo.") => new
    {
        meetingDate = "2025-11-12", recordedBy = "Trần Thị Bình", attendees = new[] { "Trần Thị Bình" }, observations,
        recommendations = "Bám sát nghị quyết.", receiptId,
        score = score is { } total ? new
        {
            criteria = Sheet(total).Where(p => p.Item1.StartsWith("criteria.", StringComparison.Ordinal))
                .ToDictionary(p => p.Item1["criteria.".Length..], p => decimal.Parse(p.Item2, System.Globalization.CultureInfo.InvariantCulture)),
            facts = new { combined = false, membersTotal = 20, membersExempt = 2, membersPresent = 17, unexcusedAbsent = 0, durationMinutes = 95, memberDisciplined = false },
        } : null,
    };

    public Task<HttpResponseSnapshot> PostFormAsync(IDictionary<string, string> form, string unit = Cell) =>
        Host.SendAsync(HttpMethod.Post, $"/api/attend/{unit}", new FormUrlEncodedContent(form));

    public Task<HttpResponseSnapshot> GetFormAsync(string query = "", string unit = Cell) =>
        Host.SendAsync(HttpMethod.Get, $"/api/attend/{unit}?link={Uri.EscapeDataString(Link)}{query}");

    public Task<HttpResponseSnapshot> PutJsonAsync(object body, string? ifMatch = null, string period = "2025-11", string? link = null) =>
        Host.SendAsync(HttpMethod.Put, $"/api/attendance/{Cell}/{period}?link={Uri.EscapeDataString(link ?? Link)}", JsonContent.Create(body),
            ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });

    public Task<HttpResponseSnapshot> GetJsonAsync(string period = "2025-11") =>
        Host.SendAsync(HttpMethod.Get, $"/api/attendance/{Cell}/{period}?link={Uri.EscapeDataString(Link)}");

    /// <summary>The November confirmation sheet of the cell, through the committee's confirm link.</summary>
    public string ConfirmPath() =>
        $"/api/confirm/{Cell}/2025-11?link={Uri.EscapeDataString(LinkFor(Member, ConfirmScore.Action))}";

    public async Task<IReadOnlyList<AttendanceRecord>> NovemberAsync() => await Records.GetMonthAsync(Cell, new ScorePeriod(2025, 11), default);

    public async Task<Alert?> ScoreGapAsync() =>
        (await Host.Services.GetRequiredService<IAlertStore>().GetAsync(new AlertKey(AlertRules.ScoreGap, Cell, "2025-11"), default))?.Alert;

    /// <summary>The cell's own November score through the API, with the points of <paramref name="total"/>; then its score event is applied.</summary>
    public async Task SelfScoreAsync(decimal total)
    {
        // The sample sheet has 73 points besides conduct (0 to 25).
        var json = SubmissionWorld.Json(Cell, Submissions.Code, conduct: total - 73);
        var response = await Submissions.PostJsonAsync(json);
        Assert.True((int)response.Status is 200 or 201, response.ToString());
        await Host.DrainQueueAsync(Configuration.StorageNames.ScoreEventsQueue);
        Assert.Empty(Host.QueueFailures);
    }

    public ValueTask DisposeAsync() => Submissions.DisposeAsync();

    private static string Text(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
