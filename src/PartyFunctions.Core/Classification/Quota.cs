using System.Runtime.InteropServices;

namespace PartyFunctions.Classification;

/// <summary>
/// Applies the HTXSNV quota per superior in place: k = floor(share × units proposed HTTNV or HTXSNV under it,
/// counted before the quota); candidates past the first k by <see cref="QuotaRanking"/> become HTTNV, flagged.
/// </summary>
public static class Quota
{
    public static void Apply(QuotaRule rule, CellClassification[] results)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(results);
        var counts = new Dictionary<string, (int Eligible, int Candidates)>(StringComparer.Ordinal);
        foreach (var result in results)
        {
            if (result.Proposed >= Level.Good)
            {
                ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, result.SuperiorId, out _);
                count.Eligible++;
                count.Candidates += result.Proposed == Level.Excellent ? 1 : 0;
            }
        }

        // Only the candidates of superiors over their quota need ranking: usually a small share of all cells.
        var over = new List<int>();
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i].Proposed == Level.Excellent)
            {
                var count = counts[results[i].SuperiorId];
                if (count.Candidates > rule.Share.FloorOf(count.Eligible))
                {
                    over.Add(i);
                }
            }
        }

        var indices = CollectionsMarshal.AsSpan(over);
        indices.Sort((a, b) =>
        {
            var bySuperior = string.CompareOrdinal(results[a].SuperiorId, results[b].SuperiorId);
            return bySuperior != 0 ? bySuperior : QuotaRanking.Compare(results[a], results[b]);
        });

        for (var start = 0; start < indices.Length;)
        {
            var superior = results[indices[start]].SuperiorId;
            var keep = rule.Share.FloorOf(counts[superior].Eligible);
            var end = start;
            while (end < indices.Length && results[indices[end]].SuperiorId == superior)
            {
                if (end - start >= keep)
                {
                    ref var demoted = ref results[indices[end]];
                    demoted = demoted with { Proposed = Level.Good, Reasons = demoted.Reasons | LevelReasons.Quota };
                }

                end++;
            }

            start = end;
        }
    }
}
