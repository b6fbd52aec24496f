using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>A band above <see cref="MonthlyRule.Cap"/> needs full marks on every listed criterion.</summary>
public sealed record FullMarksGateRule(IReadOnlyList<string> Criteria, Band Cap) : MonthlyRule(Cap)
{
    protected override string ReasonCode => "full-marks-gate";

    private IEnumerable<Criterion> Short(ScoreSheet sheet, PolicyPack pack) =>
        pack.Criteria.Where(c => Criteria.Contains(c.Key) && sheet.Criteria.GetValueOrDefault(c.Key) < c.Max);

    internal override bool Applies(ScoreSheet sheet, PolicyPack pack) => Short(sheet, pack).Any();

    internal override Reason Explain(ScoreSheet sheet, PolicyPack pack)
    {
        var shortOf = Short(sheet, pack).ToList();
        string List(Func<Criterion, string> name, System.Globalization.CultureInfo culture) => string.Join(", ", shortOf.Select(c =>
            $"{name(c)} {Texts.Number(sheet.Criteria.GetValueOrDefault(c.Key), culture)}/{Texts.Number(c.Max, culture)}"));
        var above = Cap == Band.Good ? Cap : Cap + 1;
        return Because(
            $"Xếp loại {above.Vietnamese()} cần điểm tối đa; chưa đạt ở: {List(c => c.Names.Vi, Texts.Vi)}",
            $"{above.English()} needs full marks; short on: {List(c => c.Names.En, Texts.En)}");
    }
}
