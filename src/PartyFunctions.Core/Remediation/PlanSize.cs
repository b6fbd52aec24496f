using System.Text.Encodings.Web;
using System.Text.Json;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// How large a plan may grow (docs/security.md, item 5). A plan is stored as JSON split over table properties of
/// <see cref="ChunkChars"/> characters (a property holds at most 64 KiB, 32,768 UTF-16 characters), at most
/// <see cref="MaxStoredChars"/> in all (an entity holds 1 MiB). The unit's own writes (the plan, its evidence) stop at
/// <see cref="MaxCellChars"/>, which leaves the member's review (who, when, a note of up to 1,000 characters per action)
/// room for hundreds of actions; a review action past <see cref="MaxStoredChars"/> is refused, never a storage error.
/// An item holds at most <see cref="MaxEvidencePerItem"/> files. Vietnamese letters are stored as they are, not as
/// six-character \uXXXX escapes.
/// </summary>
public static class PlanSize
{
    public const int ChunkChars = 30_000;
    public const int MaxChunks = 10;
    public const int MaxStoredChars = ChunkChars * MaxChunks;
    public const int MaxCellChars = 24_000;
    public const int MaxEvidencePerItem = 10;

    /// <summary>
    /// The stored form: relaxed escaping keeps non-ASCII letters as they are. It is never written into HTML or a script,
    /// only into a table property and read back by <see cref="JsonSerializer"/>, so the HTML-safe escaping buys nothing.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly LocalizedText TooLarge = new(
        $"Kế hoạch quá dài để lưu: hãy rút gọn các nội dung hoặc bớt tệp minh chứng (tối đa {MaxEvidencePerItem} tệp cho mỗi nội dung).",
        $"The plan is too long to store: shorten its items or attach fewer files (at most {MaxEvidencePerItem} per item).");

    public static int Of(RemediationPlan plan) => JsonSerializer.Serialize(plan, Json).Length;

    /// <summary>Whether the unit may store <paramref name="plan"/>: it fits with room left for the superior's review.</summary>
    public static bool LeavesRoomForReview(RemediationPlan plan) => Of(plan) <= MaxCellChars;

    /// <summary>Whether <paramref name="plan"/> can be stored at all (a review action checks it).</summary>
    public static bool Fits(RemediationPlan plan) => Of(plan) <= MaxStoredChars;
}
