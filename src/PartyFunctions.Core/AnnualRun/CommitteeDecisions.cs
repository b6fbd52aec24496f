using PartyFunctions.Access;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: the standing committee's decision page, opened with a signed "decide" link whose scope contains the
/// committee. <see cref="ShowAsync"/> only reads (mail scanners prefetch links); <see cref="DecideAsync"/> records through
/// <see cref="DecideAnnualLevels"/> and answers the page again with what it did.
/// </summary>
public sealed class CommitteeDecisions(SubtreeAccess access, IAnnualResultStore results, DecideAnnualLevels decide)
{
    public async Task<CommitteeDecisionsPage> ShowAsync(string? token, int year, string committeeId, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(token, AnnualRunLinks.DecideAction, committeeId, cancellationToken);
        return allowed.Allowed
            ? new CommitteeDecisionsPage(allowed.Unit, await results.GetAsync(year, committeeId, cancellationToken), null, null)
            : Refused(allowed.Message);
    }

    public async Task<CommitteeDecisionsPage> DecideAsync(
        string? token, int year, string committeeId, IReadOnlyList<DecisionInput> decisions, string? decidedBy, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(token, AnnualRunLinks.DecideAction, committeeId, cancellationToken);
        if (!allowed.Allowed)
        {
            return Refused(allowed.Message);
        }

        var outcome = await decide.RunAsync(year, committeeId, decisions, decidedBy, cancellationToken);
        var message = outcome.Message
            ?? new LocalizedText($"Đã ghi {outcome.Changed} quyết định.", $"{outcome.Changed} decision(s) recorded.");
        return new CommitteeDecisionsPage(allowed.Unit, await results.GetAsync(year, committeeId, cancellationToken), outcome, message);
    }

    private static CommitteeDecisionsPage Refused(LocalizedText message) => new(null, [], null, message);
}

/// <summary>
/// The committee and its cells' results; after a POST, what the decision did. No committee means the link was refused
/// (<see cref="Message"/> says why).
/// </summary>
public sealed record CommitteeDecisionsPage(Unit? Committee, IReadOnlyList<AnnualResult> Results, DecisionOutcome? Outcome, LocalizedText? Message);
