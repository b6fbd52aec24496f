using BenchmarkDotNet.Attributes;
using PartyFunctions.Classification;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Benchmarks;

/// <summary>
/// The annual run in memory: 300,000 cell-years under 3,000 superiors (100 cells each), bands drawn with a fixed
/// seed so that about a third of the cells are HTXSNV candidates and most superiors go over their quota.
/// The baseline rolls up and proposes only; the ratio shows what the quota adds.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ClassificationBenchmarks
{
    private const int Cells = 300_000;
    private const int CellsPerSuperior = 100;

    private readonly PolicyPack pack = PolicyCatalog.Embedded.Find("vn-2025")!;
    private readonly YearWindow window = new(2025, 12);
    private CellYear[] cells = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2025);
        cells = new CellYear[Cells];
        for (var i = 0; i < Cells; i++)
        {
            var good = random.Next(3) == 0;
            var months = new MonthReport[12];
            for (var m = 0; m < 12; m++)
            {
                var band = good ? (random.Next(10) < 8 ? Band.Good : Band.Fair) : (Band)random.Next(4);
                // One month in twenty is not reported; one in ten has a superior's confirmation.
                months[m] = random.Next(20) == 0
                    ? default
                    : new MonthReport(band, random.Next(10) == 0 ? band : null, 50 + random.Next(101) / 2m);
            }

            cells[i] = new CellYear($"cell-{i:D6}", $"sup-{i / CellsPerSuperior:D4}", months,
                ActiveFrom: random.Next(50) == 0 ? new DateOnly(2025, random.Next(1, 13), 1) : null);
        }
    }

    [Benchmark(Baseline = true, Description = "roll-up + proposal, 300k")]
    public int RollUpAndPropose()
    {
        var excellent = 0;
        foreach (var cell in cells)
        {
            excellent += Classifier.Classify(pack, cell, window).Proposed == Level.Excellent ? 1 : 0;
        }

        return excellent;
    }

    [Benchmark(Description = "ClassifyAll with quota, 300k")]
    public CellClassification[] ClassifyAll() => Classifier.ClassifyAll(pack, cells, window);
}
