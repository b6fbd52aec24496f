using System.Globalization;
using System.Security.Cryptography;
using PartyFunctions.Alerts;
using PartyFunctions.Concurrency;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// Use case: the unit uploads a document as evidence for one item of its plan. The type is read from the content
/// (<see cref="EvidenceSniffer"/>) and the size checked before anything is stored; the blob is named by the content's
/// SHA-256, so uploading the same file again stores and records nothing new.
/// </summary>
public sealed class AttachEvidence(IRemediationStore plans, IEvidenceStore evidence, TimeProvider clock)
{
    public static readonly LocalizedText TooLarge = new("Tệp quá lớn: tối đa 10 MB.", "The file is larger than 10 MB.");

    public async Task<RemediationOutcome> RunAsync(
        AlertKey key, string itemId, string? fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (content.Length > EvidenceSniffer.MaxBytes)
        {
            return RemediationOutcome.Fail(RemediationStatus.TooLarge, TooLarge);
        }

        if (content.Length == 0 || EvidenceSniffer.Detect(content) is not { } type)
        {
            return RemediationOutcome.Fail(RemediationStatus.UnsupportedType,
                new LocalizedText("Chỉ nhận tệp PDF, DOCX, JPEG hoặc PNG (kiểm tra theo nội dung tệp, không theo tên).", "Only PDF, DOCX, JPEG or PNG content is accepted."));
        }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var name = $"{key.UnitId}/{key.Rule}-{key.Period}/{itemId}/{sha}.{type.Extension()}";
        var stored = false;
        return await OptimisticUpdate.RunAsync(
            async ct =>
            {
                if (await plans.GetAsync(key, ct) is not { } current
                    || current.Plan.Items.FirstOrDefault(i => i.Id == itemId) is not { } item)
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.NotFound, new LocalizedText($"Không có kế hoạch hoặc nội dung {itemId}", "No such plan or item.")));
                }

                if (current.Plan.State == PlanState.Closed || item.ClosedAt is not null)
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.Conflict, new LocalizedText("Nội dung này đã được cấp trên kết thúc", "The item is closed.")));
                }

                if (item.Evidence.Any(e => e.Sha256 == sha))
                {
                    return Attempt.Done(new RemediationOutcome(RemediationStatus.Unchanged, current.Plan));
                }

                // Checked before the blob is stored: a file the plan cannot record is not kept either.
                var file = new EvidenceFile(name, Clean(fileName, type), type.ContentType(), content.Length, sha, clock.GetUtcNow());
                var plan = current.Plan with
                {
                    Items = current.Plan.Items.Select(i => i.Id == itemId ? i with { Evidence = [.. i.Evidence, file] } : i).ToList(),
                };
                if (item.Evidence.Count >= PlanSize.MaxEvidencePerItem || !PlanSize.LeavesRoomForReview(plan))
                {
                    return Attempt.Done(RemediationOutcome.Fail(RemediationStatus.TooLarge, PlanSize.TooLarge));
                }

                if (!stored)
                {
                    await evidence.SaveAsync(name, content, type.ContentType(), ct);
                    stored = true;
                }

                return Attempt.DoneIf(await plans.TryReplaceAsync(plan, current.ETag, ct), new RemediationOutcome(RemediationStatus.Created, plan));
            },
            RemediationOutcome.Busy,
            cancellationToken);
    }

    // The name is only shown to people; it never decides the type or the blob name.
    private static string Clean(string? fileName, EvidenceType type)
    {
        var name = Path.GetFileName(fileName ?? string.Empty).Trim();
        return name.Length is > 0 and <= 200 ? name : string.Create(CultureInfo.InvariantCulture, $"evidence.{type.Extension()}");
    }
}
