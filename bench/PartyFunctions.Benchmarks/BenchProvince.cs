using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PartyFunctions.Infrastructure.Submissions;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;
using PartyFunctions.Submissions;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The registry and year of scores the annual-run benches classify: one top unit, grassroots committees of equal size,
/// imported as a file, and months of scores drawn with a fixed seed from a province's spread of bands. With
/// <see cref="WarmUp"/>, one more committee (<see cref="WarmUpCommittee"/>) whose scores are for the year before: a run
/// over it warms the process (JIT, templates, connections) without touching the measured year's results, reports or alerts.
/// </summary>
internal sealed record BenchProvince(string Top, int Committees, int CellsPerCommittee, int Months = 12, int Year = 2025, bool WarmUp = false)
{
    public string WarmUpCommittee => Committee(Committees);


    public string Committee(int g) => string.Create(CultureInfo.InvariantCulture, $"{Top}.G{g:00000}");

    public string Cell(int g, int c) => string.Create(CultureInfo.InvariantCulture, $"{Committee(g)}.C{c:000}");

    public int Cells => Committees * CellsPerCommittee;

    public async Task SeedAsync(IServiceProvider services)
    {
        var csv = new StringBuilder("id,parent,kind,name,activeFrom,activeTo,secretaryEmail,officeEmail,assignedMemberName,assignedMemberEmail\n");
        csv.Append(CultureInfo.InvariantCulture, $"{Top},,province,Tỉnh ủy Thử,2020-01-01,,,vp@b.vn,,\n");
        for (var g = 0; g < Committees + (WarmUp ? 1 : 0); g++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Committee(g)},{Top},grassroots,Đảng ủy xã {g},2020-01-01,,,vp{g}@b.vn,,\n");
            for (var c = 0; c < CellsPerCommittee; c++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Cell(g, c)},{Committee(g)},cell,Chi bộ {c},2020-01-01,,s{g}x{c}@b.vn,,,\n");
            }
        }

        var import = await services.GetRequiredService<ImportUnits>().RunAsync(Encoding.UTF8.GetBytes(csv.ToString()), false, default);
        if (!import.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", import.Errors));
        }

        var random = new Random(2025);
        // The warm-up committee's cells come after the others, so the measured year's draws are the same with or without it.
        var scores = Enumerable.Range(0, Cells + (WarmUp ? CellsPerCommittee : 0)).SelectMany(i => Enumerable.Range(1, Months).Select(m =>
        {
            // A province's spread, not a uniform draw: with a quarter of all months weak, most cells would end the year
            // weak and the run would mostly measure opening their alerts (docs/benchmarks.md). One cell in 33 struggles
            // (any band, a quarter of its months weak); the others have 2 % weak months.
            var band = i % 33 == 0 ? (Band)random.Next(4)
                : random.Next(100) switch { < 2 => Band.Weak, < 12 => Band.Average, < 50 => Band.Fair, _ => Band.Good };
            var (g, c) = Math.DivRem(i, CellsPerCommittee);
            return new ScoreRecord(
                Cell(g, c), Committee(g), new ScorePeriod(g < Committees ? Year : Year - 1, m), "vn-2025",
                new Dictionary<string, decimal> { ["conduct"] = 20 }, new MeetingFacts(true, false, 20, 0, 19, 0, 95, false),
                50 + (int)band * 15, band, [], DateTimeOffset.UnixEpoch, false, $"R{i}-{m}", 1);
        })).ToList();
        // Entity-group transactions of 100 rows of one partition (a committee's year), 8 in flight: the rows the store's
        // own insert writes (ScoreEntities.Write), about 100 times fewer requests than one insert per score, so a
        // national-sized seed takes minutes, not an hour.
        var table = await services.GetRequiredService<ScoreTables>().ScoresAsync();
        var batches = scores.GroupBy(s => ScoreEntities.Partition(s.SuperiorId, s.Period.Year)).SelectMany(p => p.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(s => new TableTransactionAction(TableTransactionActionType.Add, ScoreEntities.Write(s))), ct));
    }
}
