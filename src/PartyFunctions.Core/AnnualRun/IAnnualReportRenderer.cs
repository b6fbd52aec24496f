using PartyFunctions.Organisation;

namespace PartyFunctions.AnnualRun;

/// <summary>Port: a unit's annual report as the page and the CSV that are stored and downloaded; the Presentation project renders it.</summary>
public interface IAnnualReportRenderer
{
    AnnualReport Render(Unit unit, ClassificationRun run, IReadOnlyList<AnnualResult> results);
}
