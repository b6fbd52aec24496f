using System.Globalization;
using PartyFunctions.Scoring;

namespace PartyFunctions.Policy;

/// <summary>The checks a JSON Schema cannot express: sums, order, uniqueness and references between fields.</summary>
internal static class PackRules
{
    public static IReadOnlyList<PackError> Check(PolicyPack pack)
    {
        var errors = new List<PackError>();
        void Fail(string path, string message) => errors.Add(new PackError(path, message));

        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < pack.Criteria.Count; i++)
        {
            if (!keys.Add(pack.Criteria[i].Key))
            {
                Fail($"criteria[{i}].key", $"duplicate criterion '{pack.Criteria[i].Key}'");
            }
        }

        var sum = pack.Criteria.Sum(c => c.Max);
        if (sum != pack.TotalPoints)
        {
            Fail("criteria", string.Create(CultureInfo.InvariantCulture,
                $"the criteria maxima add up to {sum}, not totalPoints {pack.TotalPoints}"));
        }

        if (pack.Bands.Fair >= pack.Bands.Good)
        {
            Fail("bands.Kha", "must be below bands.Tot");
        }

        if (pack.Bands.Average >= pack.Bands.Fair)
        {
            Fail("bands.TrungBinh", "must be below bands.Kha");
        }

        for (var i = 0; i < pack.MonthlyRules.Count; i++)
        {
            CheckRule($"monthlyRules[{i}]", pack.MonthlyRules[i], keys, Fail);
        }

        if (pack.Annual.Good.EveryMonthAtLeast < pack.Annual.Fair.EveryMonthAtLeast)
        {
            Fail("annual.tot.everyMonthAtLeast", "must be at least annual.kha.everyMonthAtLeast: a Tốt year cannot ask less than a Khá year");
        }

        CheckShare("annual.tot.share", pack.Annual.Good.Share, Fail);
        CheckShare("annual.kha.share", pack.Annual.Fair.Share, Fail);
        CheckShare("classification.khtnv.membersAbove", pack.Classification.Failed.MembersAbove, Fail);
        CheckShare("classification.khtnv.targetsMetBelow", pack.Classification.Failed.TargetsMetBelow, Fail);
        CheckShare("classification.htxsnv.membersGoodOrBetterAtLeast", pack.Classification.Excellent.MembersGoodOrBetterAtLeast, Fail);
        CheckShare("classification.quota.share", pack.Classification.Quota.Share, Fail);
        return errors;
    }

    private static void CheckRule(string path, MonthlyRule rule, HashSet<string> criteria, Action<string, string> fail)
    {
        if (rule.Cap == Band.Good)
        {
            fail($"{path}.cap", "a cap of Tot never lowers a band");
        }

        switch (rule)
        {
            case AttendanceKnockOutRule knockOut:
                CheckShare($"{path}.atMost", knockOut.AtMost, fail);
                break;
            case AttendanceCapRule cap:
                CheckShare($"{path}.below", cap.Below, fail);
                break;
            case DurationCapRule duration when duration.CombinedMinimumMinutes < duration.MinimumMinutes:
                fail($"{path}.combinedMinimumMinutes", "must be at least minimumMinutes");
                break;
            case FullMarksGateRule gate:
                for (var j = 0; j < gate.Criteria.Count; j++)
                {
                    if (!criteria.Contains(gate.Criteria[j]))
                    {
                        fail($"{path}.criteria[{j}]", $"unknown criterion '{gate.Criteria[j]}'");
                    }
                }

                break;
        }
    }

    private static void CheckShare(string path, Fraction share, Action<string, string> fail)
    {
        if (!share.IsShare)
        {
            fail(path, $"'{share}' is not a share between 0 and 1");
        }
    }
}
