using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Organisation;
using PartyFunctions.Scoring;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: a superior records the shortcomings it points out for a unit it covers at the annual review (findings,
/// one per line). A unit that is not weak that year is asked for a plan too: a <c>findings</c> alert opens on the
/// usual chain (a weak unit's <c>annual-weak</c> plan covers them). Findings can change until a plan of that year is
/// accepted; the same findings again change nothing.
/// </summary>
public sealed class RecordFindings(IFindingsStore findings, IRemediationStore plans, IAlertStore alerts, OpenAlerts openAlerts, TimeProvider clock)
{
    public const int MaxFindings = 20;
    public const int MaxText = 1000;

    public async Task<FindingsOutcome> RunAsync(Unit unit, int year, IReadOnlyList<string?>? lines, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var texts = (lines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList();
        if (texts.Count is 0 or > MaxFindings || texts.Any(t => t.Length > MaxText))
        {
            return FindingsOutcome.Invalid(new FieldError("findings", "findings",
                $"Cần từ 1 đến {MaxFindings} hạn chế, mỗi hạn chế một dòng, tối đa {MaxText} ký tự",
                $"Give 1 to {MaxFindings} findings, one per line, each at most {MaxText} characters."));
        }

        var period = year.ToString(CultureInfo.InvariantCulture);
        foreach (var rule in (string[])[AlertRules.AnnualWeak, AlertRules.Findings])
        {
            if ((await plans.GetAsync(new AlertKey(rule, unit.Id, period), cancellationToken))?.Plan is { State: PlanState.Accepted or PlanState.Closed })
            {
                return new FindingsOutcome(FindingsStatus.Conflict, null, [new FieldError("findings", "accepted",
                    "Kế hoạch khắc phục của năm này đã được chấp nhận: không sửa hạn chế được nữa",
                    "The unit's plan for that year was accepted: its findings can no longer change.")]);
            }
        }

        var now = clock.GetUtcNow();
        var record = new UnitFindings(unit.Id, unit.Path ?? unit.Id, year,
            texts.Select((t, i) => new Finding((i + 1).ToString(CultureInfo.InvariantCulture), t)).ToList(), actor, now);
        var outcome = await OptimisticUpdate.RunAsync(
            async ct =>
            {
                var existing = await findings.GetAsync(unit.Id, year, ct);
                if (existing is not null && existing.Findings.Items.Select(f => f.Text).SequenceEqual(texts, StringComparer.Ordinal))
                {
                    return Attempt.Done(new FindingsOutcome(FindingsStatus.Unchanged, existing.Findings, []));
                }

                return Attempt.DoneIf(
                    existing is null ? await findings.TryAddAsync(record, ct) : await findings.TryReplaceAsync(record, existing.ETag, ct),
                    new FindingsOutcome(existing is null ? FindingsStatus.Created : FindingsStatus.Updated, record, []));
            },
            () => new FindingsOutcome(FindingsStatus.Conflict, null, [new FieldError("findings", "busy",
                "Hạn chế đang được sửa ở nơi khác, hãy thử lại", "The findings kept changing; try again.")]),
            cancellationToken);

        // Also on a repeat: opening is idempotent, and it repairs a crash between storing the findings and the alert.
        if (outcome.Findings is not null && await alerts.GetAsync(new AlertKey(AlertRules.AnnualWeak, unit.Id, period), cancellationToken) is null)
        {
            var key = new AlertKey(AlertRules.Findings, unit.Id, period);
            await openAlerts.RunAsync($"findings-{unit.Id}-{period}", [new AlertRequest(key, $"{texts.Count} hạn chế cấp trên chỉ ra / findings pointed out", unit)],
                cancellationToken);
        }

        return outcome;
    }
}

public enum FindingsStatus
{
    Created,
    Updated,
    Unchanged,
    Invalid,
    Conflict,
    Forbidden,

    /// <summary>The unit is not in the registry (the admin API; a link cannot reach an unknown unit).</summary>
    NotFound,
}

/// <summary>What recording findings did, with the findings as they now stand, or the errors by field.</summary>
public sealed record FindingsOutcome(FindingsStatus Status, UnitFindings? Findings, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Status is FindingsStatus.Created or FindingsStatus.Updated or FindingsStatus.Unchanged;

    public static FindingsOutcome Invalid(FieldError error) => new(FindingsStatus.Invalid, null, [error]);
}
