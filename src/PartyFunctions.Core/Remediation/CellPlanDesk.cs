using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;
using PartyFunctions.Scoring;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case behind the cell's plan pages (docs/remediation.md): the secretary signs in once with the unit's access code
/// and gets a session of <see cref="PlanLinks.CellSessionLifetime"/> that the page carries in its forms; then reads the
/// plan with why the unit is weak, saves a draft, submits or revises it, and uploads evidence. Every answer is a
/// <see cref="CellPlanPage"/> to render, with the errors by field when something was refused (nothing stored then).
/// </summary>
public sealed class CellPlanDesk(RemediationRequests requests, AuthenticateCell cells, PlanLinks links, ReadPlanView reader, IAlertStore alerts, TimeProvider clock)
{
    /// <summary>Signs the unit in; on success the session and the unit's open plan alerts (the plans it can write).</summary>
    public async Task<CellSignIn> SignInAsync(string? unitId, string? accessCode, string client, CancellationToken cancellationToken)
    {
        if (unitId is null || !UnitPath.IsValidId(unitId.Trim()))
        {
            return CellSignIn.Refused(RemediationStatus.Invalid, new FieldError("unitId", "unitId", "Cần nhập đúng mã chi bộ", "Enter the cell's id."));
        }

        unitId = unitId.Trim();
        var auth = await cells.RunAsync(unitId, accessCode, client, cancellationToken);
        if (!auth.Succeeded)
        {
            return CellSignIn.Refused(auth.Outcome == CellAuthenticationOutcome.Throttled ? RemediationStatus.Throttled : RemediationStatus.Forbidden,
                new FieldError("accessCode", "accessCode", auth.Message.Vi, auth.Message.En));
        }

        var open = (await alerts.GetOfUnitAsync(unitId, cancellationToken)).Select(a => a.Alert)
            .Where(a => a.IsOpen && PlanRules.AsksForPlan(a.Key.Rule))
            .OrderByDescending(a => a.OpenedAt).ToList();
        return new CellSignIn(RemediationStatus.Found, unitId, links.CellSession(unitId, clock.GetUtcNow()), open, []);
    }

    /// <summary>The plan page, for a session (or an access code typed on the page itself).</summary>
    public async Task<CellPlanPage> ShowAsync(AlertKey key, CellCredential credential, string client, CancellationToken cancellationToken) =>
        await requests.CellDeniedAsync(key, credential, client, cancellationToken) is { } denied
            ? Refused(denied)
            : await PageAsync(key, RemediationStatus.Found, [], null, cancellationToken);

    /// <summary>Saves a draft or submits the plan (a revision while it is not accepted).</summary>
    public async Task<CellPlanPage> SaveAsync(
        AlertKey key, CellCredential credential, string client, IReadOnlyList<PlanItemInput> items, bool submit, CancellationToken cancellationToken)
    {
        var outcome = await requests.SubmitAsync(key, credential, client, new PlanRequest(items), cancellationToken, submit);
        if (outcome.Status is RemediationStatus.Forbidden or RemediationStatus.Throttled)
        {
            return Refused(outcome);
        }

        return await PageAsync(key, outcome.Status, outcome.Succeeded ? [] : outcome.Errors,
            !outcome.Succeeded ? null : submit
                ? new LocalizedText("Đã gửi kế hoạch khắc phục cho cấp trên.", "The plan was submitted to the superior.")
                : new LocalizedText("Đã lưu bản nháp. Cấp trên chưa nhận được cho đến khi đồng chí bấm “Gửi kế hoạch”.", "Draft saved; the superior sees it once you submit it."),
            cancellationToken);
    }

    /// <summary>Stores one evidence file for one item.</summary>
    public async Task<CellPlanPage> AttachAsync(
        AlertKey key, string? itemId, CellCredential credential, string client, long? declaredBytes, Func<CancellationToken, Task<EvidenceUpload?>> readUpload,
        CancellationToken cancellationToken)
    {
        var outcome = await requests.AttachAsync(key, itemId ?? string.Empty, credential, client, declaredBytes, readUpload, cancellationToken);
        if (outcome.Status is RemediationStatus.Forbidden or RemediationStatus.Throttled)
        {
            return Refused(outcome);
        }

        return await PageAsync(key, outcome.Status, outcome.Succeeded ? [] : [.. outcome.Errors.Select(e => e with { Field = "file" })],
            outcome.Status switch
            {
                RemediationStatus.Created => new LocalizedText("Đã tải lên tệp minh chứng.", "The evidence file was uploaded."),
                RemediationStatus.Unchanged => new LocalizedText("Tệp này đã có trong nội dung đó.", "That file is already attached to the item."),
                _ => null,
            },
            cancellationToken);
    }

    private async Task<CellPlanPage> PageAsync(
        AlertKey key, RemediationStatus status, IReadOnlyList<FieldError> errors, LocalizedText? done, CancellationToken cancellationToken)
    {
        var view = await reader.RunAsync(key, cancellationToken);
        return view is null
            ? new CellPlanPage(RemediationStatus.NotFound, null, null, [new FieldError("", "not-found",
                $"Đơn vị {key.UnitId} không có cảnh báo cần kế hoạch khắc phục kỳ {key.Period}", "No alert asks this unit for a plan.")], null)
            : new CellPlanPage(status, view, links.CellSession(key.UnitId, clock.GetUtcNow()), errors, done);
    }

    private static CellPlanPage Refused(RemediationOutcome denied) => new(denied.Status, null, null, denied.Errors, null);
}

/// <summary>A sign-in: the session and the open plan alerts of the unit, or why not.</summary>
public sealed record CellSignIn(RemediationStatus Status, string? UnitId, string? Session, IReadOnlyList<Alert> Plans, IReadOnlyList<FieldError> Errors)
{
    public static CellSignIn Refused(RemediationStatus status, FieldError error) => new(status, null, null, [], [error]);
}

/// <summary>The cell's plan page to render: the view (null when refused), the fresh session, the errors by field, and what was done.</summary>
public sealed record CellPlanPage(RemediationStatus Status, PlanView? View, string? Session, IReadOnlyList<FieldError> Errors, LocalizedText? Done);
