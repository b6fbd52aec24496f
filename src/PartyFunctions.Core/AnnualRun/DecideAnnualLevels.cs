using PartyFunctions.Classification;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.AnnualRun;

/// <summary>
/// Use case: the superior's standing committee confirms or overrides the proposals of its cells (Quy định 366: the
/// committee decides). Every decision of a request is checked before any is written, so a bad one stores nothing. An
/// override (a level other than the proposal, or any level where there was no proposal) needs a reason. The decision
/// is merged onto the result, so a redelivered shard keeps it, and the committee's report is written again so that
/// its "final" column shows it. Repeating the same decision changes nothing.
/// </summary>
public sealed class DecideAnnualLevels(
    IUnitStore units, IAnnualResultStore results, IClassificationRunStore runs, IReportStore reports, IAnnualReportRenderer renderer,
    TimeProvider clock)
{
    public const int MaxText = 1000;

    public async Task<DecisionOutcome> RunAsync(
        int year, string committeeId, IReadOnlyList<DecisionInput> decisions, string? decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (string.IsNullOrWhiteSpace(decidedBy) || decidedBy.Length > MaxText)
        {
            return DecisionOutcome.Invalid(new LocalizedText("Cần ghi người quyết định (tối đa 1.000 ký tự)", "Say who decided (at most 1,000 characters)."), DecisionOutcome.DecidedByField);
        }

        if (decisions.Count == 0)
        {
            return DecisionOutcome.Invalid(new LocalizedText("Chưa chọn mức xếp loại nào", "No decision given."));
        }

        var run = (await runs.GetRunAsync(ClassificationRun.IdFor(year), cancellationToken))?.Run;
        var committee = await units.GetAsync(committeeId, cancellationToken);
        var existing = run is null || committee is null
            ? new Dictionary<string, AnnualResult>(StringComparer.Ordinal)
            : (await results.GetAsync(year, committeeId, cancellationToken)).ToDictionary(r => r.UnitId, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var changed = new List<AnnualResult>();
        foreach (var input in decisions)
        {
            if (!existing.TryGetValue(input.UnitId, out var result))
            {
                return DecisionOutcome.NotFound(new LocalizedText($"Không có kết quả xếp loại năm {year} của {input.UnitId} thuộc {committeeId}", $"No {year} result for {input.UnitId} under {committeeId}."));
            }

            if (!LevelCodes.TryParse(input.Level, out var level))
            {
                return DecisionOutcome.Invalid(new LocalizedText($"{input.UnitId}: mức xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV", $"{input.UnitId}: the level must be HTXSNV, HTTNV, HTNV or KHTNV."), input.UnitId);
            }

            var reason = input.Reason?.Trim() ?? string.Empty;
            var isOverride = result.Proposed != level;
            if (isOverride && reason.Length == 0)
            {
                return DecisionOutcome.Invalid(new LocalizedText($"{input.UnitId}: khác mức đề xuất ({Proposal(result)}) thì phải ghi lý do", $"{input.UnitId}: an override needs a reason."), input.UnitId);
            }

            if (reason.Length > MaxText)
            {
                return DecisionOutcome.Invalid(new LocalizedText($"{input.UnitId}: lý do tối đa 1.000 ký tự", $"{input.UnitId}: the reason is limited to 1,000 characters."), input.UnitId);
            }

            if (result.Decision is { } before && before.Level == level && before.Reason == reason && before.DecidedBy == decidedBy.Trim())
            {
                continue;
            }

            changed.Add(result with { Decision = new AnnualDecision(level, isOverride, reason, decidedBy.Trim(), now) });
        }

        foreach (var result in changed)
        {
            await results.SaveDecisionAsync(result, cancellationToken);
        }

        if (changed.Count > 0)
        {
            var saved = await results.GetAsync(year, committeeId, cancellationToken);
            await reports.SaveAsync(year, committeeId, renderer.Render(committee!, run!, saved), cancellationToken);
        }

        return DecisionOutcome.Recorded(changed.Count);
    }

    /// <summary>The admin API's single decision: the unit's committee is its direct superior in the registry.</summary>
    public async Task<DecisionOutcome> RunForUnitAsync(int year, string unitId, DecisionInput decision, string? decidedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return await units.GetAsync(unitId, cancellationToken) is { ParentId: { } committeeId }
            ? await RunAsync(year, committeeId, [decision with { UnitId = unitId }], decidedBy, cancellationToken)
            : DecisionOutcome.NotFound(new LocalizedText($"Không có đơn vị {unitId}", $"Unknown unit {unitId}."));
    }

    private static string Proposal(AnnualResult result) => result.Proposed is null ? "chưa có" : result.Proposed.Code();
}

/// <summary>One decision as entered: the unit, the level code, and the reason (required for an override).</summary>
public sealed record DecisionInput(string UnitId, string? Level, string? Reason);

public enum DecisionStatus
{
    Recorded,
    Invalid,
    NotFound,
}

/// <summary>What a decision request did: how many decisions changed, or why nothing was stored (Vietnamese first).</summary>
public sealed record DecisionOutcome(DecisionStatus Status, int Changed, LocalizedText? Message)
{
    /// <summary>The field a refusal is about, for <see cref="Field"/>: who decided.</summary>
    public const string DecidedByField = "decidedBy";

    /// <summary>What a refusal is about: a cell's id, <see cref="DecidedByField"/>, or null for the whole request.</summary>
    public string? Field { get; init; }

    public static DecisionOutcome Recorded(int changed) => new(DecisionStatus.Recorded, changed, null);

    public static DecisionOutcome Invalid(LocalizedText message, string? field = null) => new(DecisionStatus.Invalid, 0, message) { Field = field };

    public static DecisionOutcome NotFound(LocalizedText message) => new(DecisionStatus.NotFound, 0, message);
}
