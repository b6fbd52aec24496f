using System.Globalization;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: an authenticated unit saves a draft of, submits, or (until the member accepts it) revises its remediation
/// plan for an open alert that asks for one (<see cref="PlanRules.AsksForPlan"/>). Items are checked before anything is
/// stored, each error named by its field; a submitted plan must cover every finding of the superior
/// (<see cref="PlanRules.FindingsYear"/>). The same items again change nothing; evidence already uploaded stays with
/// the item of the same number.
/// </summary>
public sealed class SubmitRemediationPlan(IRemediationStore plans, IFindingsStore findings, IAlertStore alerts, TimeProvider clock)
{
    public const int MaxItems = 20;
    public const int MaxText = 1000;

    /// <summary>Deadlines further than this from today are refused: a mistyped year, not a plan.</summary>
    public const int MaxYearsAhead = 3;

    /// <summary>Submits <paramref name="items"/> for review, or saves them as a draft when <paramref name="submit"/> is false (only while nothing was submitted).</summary>
    public async Task<RemediationOutcome> RunAsync(AlertKey key, IReadOnlyList<PlanItemInput>? items, bool submit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!PlanRules.AsksForPlan(key.Rule) || await alerts.GetAsync(key, cancellationToken) is not { Alert.IsOpen: true } alert)
        {
            return RemediationOutcome.Fail(RemediationStatus.NotFound,
                new LocalizedText($"Đơn vị {key.UnitId} không có cảnh báo {key.Rule} kỳ {key.Period} đang mở cần kế hoạch khắc phục.", "No open alert needs a plan."));
        }

        var found = PlanRules.FindingsYear(key) is { } year ? (await findings.GetAsync(key.UnitId, year, cancellationToken))?.Findings.Items ?? [] : [];
        var errors = Validate(items, found, submit, VietnamDate.DayOf(clock.GetUtcNow()));
        if (errors.Count > 0)
        {
            return RemediationOutcome.Invalid(errors);
        }

        var actor = CellActor(alert.Alert.UnitName);
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                var existing = await plans.GetAsync(key, ct);
                if (existing is { Plan.IsEditableByCell: false })
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText(
                        "Kế hoạch đã được cấp trên chấp nhận, không sửa được nữa", "The plan was accepted and can no longer change.")));
                }

                if (!submit && existing is { Plan.State: not PlanState.Draft })
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText(
                        "Kế hoạch đã gửi cấp trên: hãy bấm “Gửi kế hoạch” để gửi bản sửa.", "The plan was submitted already: submit the revision.")));
                }

                var newItems = items!.Select((item, i) =>
                {
                    var id = (i + 1).ToString(CultureInfo.InvariantCulture);
                    var evidence = existing?.Plan.Items.FirstOrDefault(x => x.Id == id)?.Evidence ?? [];
                    return new PlanItem(id, item.Title!.Trim(), item.Owner!.Trim(), ParseDue(item.Due)!.Value, evidence,
                        Covers: item.Covers is { Count: > 0 } covers ? [.. covers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] : null);
                }).ToList();
                var state = submit ? PlanState.Submitted : PlanState.Draft;
                if (existing is { } stored && stored.Plan.State == state && Same(stored.Plan.Items, newItems))
                {
                    return Attempt.Done(new RemediationOutcome(RemediationStatus.Unchanged, stored.Plan));
                }

                var now = clock.GetUtcNow();
                var plan = (existing?.Plan ?? new RemediationPlan(key, state, newItems, now, UnitPath: alert.Alert.UnitPath)) with
                {
                    State = state,
                    Items = newItems,
                    SubmittedAt = now,
                    UnitPath = alert.Alert.UnitPath,
                };
                plan = plan.Record(new PlanAction(now, actor, submit ? PlanActionKind.Submitted : PlanActionKind.Saved));
                if (!PlanSize.LeavesRoomForReview(plan))
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.TooLarge, PlanSize.TooLarge));
                }

                return Attempt.DoneIf(
                    existing is null ? await plans.TryAddAsync(plan, ct) : await plans.TryReplaceAsync(plan, existing.ETag, ct),
                    new RemediationOutcome(existing is null ? RemediationStatus.Created : RemediationStatus.Updated, plan));
            },
            RemediationOutcome.Busy,
            cancellationToken);
    }

    /// <summary>How the cell appears in a plan's history: the access code names a unit, not a person.</summary>
    public static string CellActor(string unitName) =>
        unitName.StartsWith("Chi bộ", StringComparison.OrdinalIgnoreCase) ? unitName : $"Chi bộ {unitName}";

    /// <summary>Every error of the items, each named by its field (<c>items[2].due</c>), Vietnamese and English.</summary>
    public static IReadOnlyList<FieldError> Validate(IReadOnlyList<PlanItemInput>? items, IReadOnlyList<Finding> findings, bool submit, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (items is null || items.Count is 0 or > MaxItems)
        {
            return [new FieldError("items", "items", $"Kế hoạch cần từ 1 đến {MaxItems} nội dung", $"A plan needs 1 to {MaxItems} items.")];
        }

        var errors = new List<FieldError>();
        var known = findings.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var n = i + 1;
            string Field(string name) => string.Create(CultureInfo.InvariantCulture, $"items[{n}].{name}");
            if (string.IsNullOrWhiteSpace(item?.Title) || item.Title.Length > MaxText)
            {
                errors.Add(new FieldError(Field("title"), "title", $"Nội dung {n}: cần ghi việc phải làm (tối đa {MaxText} ký tự)", $"Item {n}: write the task (at most {MaxText} characters)."));
            }

            if (string.IsNullOrWhiteSpace(item?.Owner) || item.Owner.Length > MaxText)
            {
                errors.Add(new FieldError(Field("owner"), "owner", $"Nội dung {n}: cần ghi người phụ trách (tối đa {MaxText} ký tự)", $"Item {n}: name who is responsible (at most {MaxText} characters)."));
            }

            if (ParseDue(item?.Due) is not { } due)
            {
                errors.Add(new FieldError(Field("due"), "due", $"Nội dung {n}: cần hạn hoàn thành là một ngày có thật (ngày/tháng/năm)", $"Item {n}: give the deadline as a real date (yyyy-MM-dd)."));
            }
            else if (submit && (due < today || due > today.AddYears(MaxYearsAhead)))
            {
                errors.Add(new FieldError(Field("due"), "due",
                    $"Nội dung {n}: hạn hoàn thành phải từ hôm nay ({today:dd/MM/yyyy}) đến {MaxYearsAhead} năm tới",
                    $"Item {n}: the deadline must be between today ({today:yyyy-MM-dd}) and {MaxYearsAhead} years ahead."));
            }

            foreach (var unknown in (item?.Covers ?? []).Where(c => !known.Contains(c)).Distinct(StringComparer.Ordinal))
            {
                errors.Add(new FieldError(Field("covers"), "covers", $"Nội dung {n}: không có hạn chế số {unknown}", $"Item {n}: there is no finding {unknown}."));
            }
        }

        if (submit)
        {
            var covered = items.SelectMany(i => i?.Covers ?? []).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(findings.Where(f => !covered.Contains(f.Id)).Select(f => new FieldError("covers", "uncovered",
                $"Hạn chế {f.Id} (“{f.Text}”) chưa có nội dung nào khắc phục", $"Finding {f.Id} is not covered by any item.")));
        }

        return errors;
    }

    private static readonly string[] DueFormats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>A deadline as a date picker sends it (yyyy-MM-dd) or as a Vietnamese reader types it where there is none (31/3/2026).</summary>
    public static DateOnly? ParseDue(string? due) =>
        DateOnly.TryParseExact(due?.Trim(), DueFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static bool Same(IReadOnlyList<PlanItem> a, List<PlanItem> b) =>
        a.Count == b.Count && a.Zip(b).All(p => (p.First.Title, p.First.Owner, p.First.Due) == (p.Second.Title, p.Second.Owner, p.Second.Due)
            && p.First.Findings.SequenceEqual(p.Second.Findings, StringComparer.Ordinal));
}

/// <summary>An item as the unit sends it (JSON <c>{title, owner, due, covers}</c>, due as yyyy-MM-dd, covers the finding numbers it answers).</summary>
public sealed record PlanItemInput(string? Title, string? Owner, string? Due, IReadOnlyList<string>? Covers = null);
