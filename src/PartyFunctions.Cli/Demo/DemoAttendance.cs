using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PartyFunctions.Access;
using PartyFunctions.Attendance;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Cli.Demo;

/// <summary>
/// The assigned members attend about one meeting in five and record it through their signed <c>attend</c> link
/// (<c>PUT /api/attendance/{unit}/{period}</c>, docs/api.md) with their own score; about one cell in three of those scored
/// itself a band higher than what was seen, which opens a <c>score-gap</c> alert at the superior's office. A random
/// stream of its own per month keeps the rest of the year's play as it was for the same seed.
/// </summary>
internal sealed class DemoAttendance(DemoYear play)
{
    public const double AttendedShare = 0.2;
    public const double InflatedShare = 0.35;

    public async Task AttendSomeAsync(IEnumerable<ScoreRecord> scores, ScorePeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random((period.Year * 100) + period.Month);
        var chosen = scores.Where(s => s.Period == period).OrderBy(s => s.UnitId, StringComparer.Ordinal)
            .Select(s => (Score: s, Attend: random.NextDouble() < AttendedShare, Inflated: random.NextDouble() < InflatedShare, Seed: random.Next()))
            .Where(c => c.Attend).ToList();
        foreach (var (score, inflated, seed) in chosen.Select(c => (c.Score, c.Inflated, c.Seed)))
        {
            if (await play.Get<IUnitStore>().GetAsync(score.UnitId, cancellationToken) is not { AssignedMemberEmail: { Length: > 0 } member } unit)
            {
                continue;
            }

            var seen = inflated && score.Band > Band.Weak ? score.Band - 1 : score.Band;
            var name = unit.AssignedMemberName ?? "Ủy viên phụ trách";
            var body = new JsonObject
            {
                ["meetingDate"] = period.FirstDay.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["recordedBy"] = name,
                ["attendees"] = new JsonArray(name),
                ["observations"] = seen < score.Band ? "Sinh hoạt chưa đi vào nội dung trọng tâm, ít ý kiến thảo luận." : "Sinh hoạt đúng nội dung, nhiều ý kiến xây dựng.",
                ["recommendations"] = "Chuẩn bị kỹ nội dung trước buổi sinh hoạt.",
                ["receiptId"] = string.Create(CultureInfo.InvariantCulture, $"DEMO-ATT-{unit.Id.Replace('.', '-')}-{period}"),
                ["score"] = new JsonObject { ["criteria"] = DemoSheet.Criteria(seen, new Random(seed)), ["facts"] = DemoSheet.Facts(new Random(seed)) },
            };
            var link = play.Get<LinkSigner>().Sign(new SignedLink(RecordAttendance.Action, score.SuperiorId, now.AddDays(30), MemberKey.Of(member)));
            await play.SendAsync(HttpMethod.Put, $"/api/attendance/{Uri.EscapeDataString(unit.Id)}/{period}?link={Uri.EscapeDataString(link)}",
                new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), $"attendance {unit.Id} {period}", cancellationToken);
        }

        await play.DrainAsync(cancellationToken);
    }
}
