using PartyFunctions.Policy;

namespace PartyFunctions.Classification;

/// <summary>
/// The annual run over a shard of cells: roll each year up, propose a level, then apply the quota per superior.
/// Results come in input order, one per cell; only the quota's bookkeeping allocates.
/// </summary>
public static class Classifier
{
    public static CellClassification Classify(PolicyPack pack, CellYear cell, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(cell);
        var year = AnnualRollUp.Summarize(pack.Annual, cell, window);
        var (level, reasons) = LevelProposal.Propose(pack.Classification, year, cell.Facts);
        return new CellClassification(cell.UnitId, cell.SuperiorId, year, level, reasons);
    }

    public static CellClassification[] ClassifyAll(PolicyPack pack, IReadOnlyList<CellYear> cells, YearWindow window)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(cells);
        var results = new CellClassification[cells.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = Classify(pack, cells[i], window);
        }

        Quota.Apply(pack.Classification.Quota, results);
        return results;
    }
}
