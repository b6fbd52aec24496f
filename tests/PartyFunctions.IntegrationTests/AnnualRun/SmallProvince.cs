using System.Globalization;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.IntegrationTests.AnnualRun;

/// <summary>
/// A small province for a whole year (2025, scored January to November):
/// Q.G1: ten cells with every month Tốt and totals 91..100 (all HTXSNV candidates: the quota keeps two);
/// Q.G2: C01 always Kém, C02 never reported (both KHTNV), C03..C10 always Khá (HTTNV);
/// Q.G3: ten cells active only from September (insufficient data);
/// Q.G4: two cells, the shard the tests make fail.
/// </summary>
internal static class SmallProvince
{
    public const string Province = "Q";
    public static readonly string[] Committees = ["Q.G1", "Q.G2", "Q.G3", "Q.G4"];

    public static byte[] UnitsCsv()
    {
        var rows = new List<string>
        {
            "id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail",
            "Q,,province,Tỉnh ủy Quảng Thử,2020-01-01,,,vp@q.dang.vn,,",
        };
        foreach (var committee in Committees)
        {
            rows.Add($"{committee},Q,grassroots,Đảng ủy xã {committee[2..]},2020-01-01,,,vp.{committee[2..].ToLowerInvariant()}@q.dang.vn,Nguyễn Văn An,an@q.dang.vn");
            foreach (var cell in CellsOf(committee))
            {
                var from = committee == "Q.G3" ? "2025-09-01" : "2020-01-01";
                rows.Add($"{cell},{committee},cell,Chi bộ thôn {cell[5..]} ({committee[2..]}),{from},,bithu.{cell.Replace('.', '-').ToLowerInvariant()}@gmail.com,,,");
            }
        }

        return System.Text.Encoding.UTF8.GetBytes(string.Join("\n", rows) + "\n");
    }

    public static IEnumerable<string> CellsOf(string committee) =>
        Enumerable.Range(1, committee == "Q.G4" ? 2 : 10).Select(i => $"{committee}.C{i:00}");

    public static IEnumerable<ScoreRecord> Scores()
    {
        foreach (var committee in Committees)
        {
            foreach (var (cell, index) in CellsOf(committee).Select((c, i) => (c, i + 1)))
            {
                foreach (var month in Enumerable.Range(1, 11))
                {
                    var (band, total) = committee switch
                    {
                        "Q.G1" => (Band.Good, 90m + index),
                        "Q.G2" when index == 1 => (Band.Weak, 40m),
                        "Q.G2" when index == 2 => ((Band?)null, 0m),
                        "Q.G2" => (Band.Fair, 80m),
                        "Q.G3" when month < 9 => (null, 0m),
                        _ => (Band.Good, 95m),
                    };
                    if (band is { } b)
                    {
                        yield return Score(committee, cell, month, b, total);
                    }
                }
            }
        }
    }

    private static ScoreRecord Score(string superior, string cell, int month, Band band, decimal total) => new(
        cell, superior, new ScorePeriod(2025, month), "vn-2025",
        new Dictionary<string, decimal> { ["conduct"] = 20 },
        new MeetingFacts(true, false, 20, 0, 19, 0, 95, false),
        total, band, [], new DateTimeOffset(2025, month, 28, 2, 0, 0, TimeSpan.Zero).AddMonths(0), false,
        $"R-{cell}-{month.ToString(CultureInfo.InvariantCulture)}", 1);
}
