using System.Text.RegularExpressions;
using PartyFunctions.Access;
using PartyFunctions.Alerts;
using PartyFunctions.Organisation;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: one request about a remediation plan, from whom it may come. The unit acts with its access code (submit,
/// upload evidence); the superior with a signed "remediation" link covering the unit (accept, close an item); either
/// reads the plan, the link when one is given. Each request is checked for its credential first, then its size and
/// content, then handed to <see cref="SubmitRemediationPlan"/>, <see cref="AttachEvidence"/> or <see cref="ReviewRemediationPlan"/>.
/// </summary>
public sealed partial class RemediationRequests(
    SubmitRemediationPlan submitPlan, AttachEvidence attach, ReviewRemediationPlan review, IRemediationStore plans, IEvidenceStore evidence,
    AuthenticateCell cells, SubtreeAccess access, LinkSigner signer)
{
    public const string LinkAction = PlanLinks.ReviewAction;

    /// <summary>The largest upload request read at all: the file's limit and room for the multipart envelope.</summary>
    public const long MaxUploadRequestBytes = EvidenceSniffer.MaxBytes + (64 * 1024);

    /// <summary>Who acted when the superior names nobody: the link itself names no person.</summary>
    public const string UnnamedSuperior = "cấp trên (liên kết ký)";

    /// <summary>
    /// The unit's plan, submitted (or saved as a draft when <paramref name="submit"/> is false); <paramref name="plan"/> is
    /// null when the body was not the JSON a plan is.
    /// </summary>
    public async Task<RemediationOutcome> SubmitAsync(
        AlertKey key, CellCredential credential, string client, PlanRequest? plan, CancellationToken cancellationToken, bool submit = true)
    {
        ArgumentNullException.ThrowIfNull(key);
        if ((KeyError(key, itemId: "1") ?? await CellDeniedAsync(key, credential, client, cancellationToken)) is { } denied)
        {
            return denied;
        }

        return plan is null
            ? RemediationOutcome.Fail(RemediationStatus.Invalid,
                new LocalizedText("Nội dung phải là JSON {items:[{title, owner, due}]}.", "The body must be JSON {items:[{title, owner, due}]}."))
            : await submitPlan.RunAsync(key, plan.Items, submit, cancellationToken);
    }

    /// <summary>The plan as it stands, for the superior when <paramref name="link"/> is given, otherwise for the unit.</summary>
    public async Task<RemediationOutcome> ReadAsync(AlertKey key, CellCredential credential, string? link, string client, CancellationToken cancellationToken)
    {
        if (await ReaderDeniedAsync(key, "1", credential, link, client, cancellationToken) is { } denied)
        {
            return denied;
        }

        return await plans.GetAsync(key, cancellationToken) is { } stored
            ? new RemediationOutcome(RemediationStatus.Found, stored.Plan)
            : RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText("Chưa có kế hoạch khắc phục.", "No plan yet."));
    }

    /// <summary>
    /// Evidence for one item. <paramref name="declaredBytes"/> is the request's length as announced: a request past
    /// <see cref="MaxUploadRequestBytes"/> is refused before <paramref name="readUpload"/> reads anything.
    /// </summary>
    public async Task<RemediationOutcome> AttachAsync(
        AlertKey key, string itemId, CellCredential credential, string client, long? declaredBytes, Func<CancellationToken, Task<EvidenceUpload?>> readUpload,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(readUpload);
        if ((KeyError(key, itemId) ?? await CellDeniedAsync(key, credential, client, cancellationToken)) is { } denied)
        {
            return denied;
        }

        if (declaredBytes > MaxUploadRequestBytes)
        {
            return RemediationOutcome.Fail(RemediationStatus.TooLarge, AttachEvidence.TooLarge);
        }

        if (await readUpload(cancellationToken) is not { } upload)
        {
            return RemediationOutcome.Fail(RemediationStatus.Invalid, new LocalizedText(
                "Cần gửi tệp bằng multipart/form-data (trường file).", "Send the file as multipart/form-data, field \"file\"."));
        }

        return upload.Length > EvidenceSniffer.MaxBytes
            ? RemediationOutcome.Fail(RemediationStatus.TooLarge, AttachEvidence.TooLarge)
            : await attach.RunAsync(key, itemId, upload.FileName, await upload.ReadAsync(cancellationToken), cancellationToken);
    }

    public Task<RemediationOutcome> AcceptAsync(AlertKey key, string? link, string? by, CancellationToken cancellationToken) =>
        ReviewAsync(key, "1", link, () => review.AcceptAsync(key, Actor(by), cancellationToken), cancellationToken);

    public Task<RemediationOutcome> CloseItemAsync(AlertKey key, string itemId, string? link, string? by, string? note, CancellationToken cancellationToken) =>
        ReviewAsync(key, itemId, link, () => review.CloseItemAsync(key, itemId, Actor(by), note, cancellationToken), cancellationToken);

    public Task<RemediationOutcome> ReopenItemAsync(AlertKey key, string itemId, string? link, string? by, string? reason, CancellationToken cancellationToken) =>
        ReviewAsync(key, itemId, link, () => review.ReopenItemAsync(key, itemId, Actor(by), reason, cancellationToken), cancellationToken);

    public Task<RemediationOutcome> ReturnAsync(AlertKey key, string? link, string? by, string? comment, CancellationToken cancellationToken) =>
        ReviewAsync(key, "1", link, () => review.ReturnAsync(key, Actor(by), comment, cancellationToken), cancellationToken);

    public Task<RemediationOutcome> ClosePlanAsync(AlertKey key, string? link, string? by, string? note, CancellationToken cancellationToken) =>
        ReviewAsync(key, "1", link, () => review.ClosePlanAsync(key, Actor(by), note, cancellationToken), cancellationToken);

    private async Task<RemediationOutcome> ReviewAsync(
        AlertKey key, string itemId, string? link, Func<Task<RemediationOutcome>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return (KeyError(key, itemId) ?? await LinkDeniedAsync(key, link, cancellationToken)) is { } denied ? denied : await act();
    }

    /// <summary>
    /// Route values become table keys and blob names: only the shapes a plan can have pass (a unit id, a plan rule, a
    /// year or month, an item number; whether the rule takes a plan is the use case's answer, 404), so '#', '?', '\\', '/' or control characters are a 400, never a storage error.
    /// </summary>
    private static RemediationOutcome? KeyError(AlertKey key, string? itemId) =>
        UnitPath.IsValidId(key.UnitId) && RulePattern().IsMatch(key.Rule) && PeriodPattern().IsMatch(key.Period)
            && itemId is not null && ItemPattern().IsMatch(itemId)
            ? null
            : RemediationOutcome.Fail(RemediationStatus.Invalid, new LocalizedText(
                "Địa chỉ không hợp lệ: mã đơn vị, loại cảnh báo, kỳ (yyyy hoặc yyyy-MM) hoặc số nội dung sai dạng.",
                "The address is not valid: unit id, alert rule, period (yyyy or yyyy-MM) or item number is malformed."));

    private static readonly LocalizedText SessionOfAnotherUnit = new("Phiên làm việc này thuộc đơn vị khác: hãy nhập lại mã truy cập", "This session belongs to another unit: sign in again.");

    private async Task<RemediationOutcome?> ReaderDeniedAsync(
        AlertKey key, string itemId, CellCredential credential, string? link, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return KeyError(key, itemId) ?? (link is not null
            ? await LinkDeniedAsync(key, link, cancellationToken)
            : await CellDeniedAsync(key, credential, client, cancellationToken));
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9-]{0,39}\z", RegexOptions.CultureInvariant)]
    private static partial Regex RulePattern();

    [GeneratedRegex(@"\A[0-9]{4}(-[0-9]{2})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex(@"\A[0-9]{1,2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ItemPattern();

    // Who acted, as the superior typed it; a name that is empty or too long is not recorded.
    private static string Actor(string? by) => by is { Length: > 0 and <= 200 } ? by : UnnamedSuperior;

    /// <summary>
    /// One evidence document, for the unit (its code or session) or a superior (<paramref name="link"/>): the bytes as
    /// stored, with the type their content showed and the name they were uploaded with.
    /// </summary>
    public async Task<EvidenceDownload> ReadEvidenceAsync(
        AlertKey key, string itemId, string sha256, CellCredential credential, string? link, string client, CancellationToken cancellationToken)
    {
        if (await ReaderDeniedAsync(key, itemId, credential, link, client, cancellationToken) is { } denied)
        {
            return new EvidenceDownload(denied, null, null);
        }

        var file = (await plans.GetAsync(key, cancellationToken))?.Plan.Items.FirstOrDefault(i => i.Id == itemId)?.Evidence
            .FirstOrDefault(e => string.Equals(e.Sha256, sha256, StringComparison.Ordinal));
        var bytes = file is null ? null : await evidence.ReadAsync(file.BlobName, cancellationToken);
        return bytes is null
            ? new EvidenceDownload(RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText("Không có tệp minh chứng này", "No such evidence file.")), null, null)
            : new EvidenceDownload(new RemediationOutcome(RemediationStatus.Found, null), file, bytes);
    }

    /// <summary>Null when <paramref name="credential"/> lets the unit act on <paramref name="key"/>'s plan, else why not.</summary>
    public async Task<RemediationOutcome?> CellDeniedAsync(AlertKey key, CellCredential credential, string client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(credential);
        if (credential.Session is { } session)
        {
            var verified = signer.Verify(session, PlanLinks.CellSessionAction);
            return verified.IsValid && verified.Link!.ScopeUnitId == key.UnitId ? null
                : RemediationOutcome.Fail(RemediationStatus.Forbidden, verified.IsValid ? SessionOfAnotherUnit : verified.Message);
        }

        var auth = await cells.RunAsync(key.UnitId, credential.AccessCode, client, cancellationToken);
        return auth.Succeeded ? null
            : RemediationOutcome.Fail(auth.Outcome == CellAuthenticationOutcome.Throttled ? RemediationStatus.Throttled : RemediationStatus.Forbidden, auth.Message);
    }

    /// <summary>Null when the superior's <paramref name="link"/> covers <paramref name="key"/>'s unit, else why not.</summary>
    public async Task<RemediationOutcome?> LinkDeniedAsync(AlertKey key, string? link, CancellationToken cancellationToken)
    {
        var allowed = await access.AuthoriseAsync(link, LinkAction, key.UnitId, cancellationToken);
        return allowed.Allowed ? null : RemediationOutcome.Fail(RemediationStatus.Forbidden, allowed.Message);
    }
}

/// <summary>How the unit proves itself: its access code (the API, the plan page's sign-in) or the plan page's session token.</summary>
public sealed record CellCredential(string? AccessCode, string? Session = null);

/// <summary>An evidence document read back: the refusal, or the file's record and bytes.</summary>
public sealed record EvidenceDownload(RemediationOutcome Outcome, EvidenceFile? File, byte[]? Content);

/// <summary>A plan as the unit sends it (JSON <c>{items:[{title, owner, due}]}</c>).</summary>
public sealed record PlanRequest(IReadOnlyList<PlanItemInput>? Items);

/// <summary>An uploaded file: its name as sent (shown only), its length, and its bytes, read only once the length is accepted.</summary>
public sealed record EvidenceUpload(string? FileName, long Length, Func<CancellationToken, Task<ReadOnlyMemory<byte>>> ReadAsync)
{
    /// <summary>A request that turned out larger than any upload while it was read (it declared no length).</summary>
    public static readonly EvidenceUpload TooLarge = new(null, long.MaxValue, _ => throw new InvalidOperationException("Too large to read."));
}
