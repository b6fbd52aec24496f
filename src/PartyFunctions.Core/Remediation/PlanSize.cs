using System.Text.Encodings.Web;
using System.Text.Json;
using PartyFunctions.Policy;

namespace PartyFunctions.Remediation;

/// <summary>
/// How large a plan may grow (docs/security.md, item 5). A plan is stored as one JSON text in one table property, and a
/// table property holds at most 64 KiB (32,768 UTF-16 characters): past that every write of the plan fails, the
/// superior's accept and close included. So the unit's own writes (the plan, its evidence) must leave room for the
/// superior's (<see cref="ReviewRoomChars"/>: who accepted, who closed each item and when), and an item holds at most
/// <see cref="MaxEvidencePerItem"/> files. Vietnamese letters are stored as they are, not as six-character \uXXXX escapes.
/// </summary>
public static class PlanSize
{
    public const int MaxStoredChars = 30_000;
    public const int ReviewRoomChars = 6_000;
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
    public static bool LeavesRoomForReview(RemediationPlan plan) => Of(plan) <= MaxStoredChars - ReviewRoomChars;
}
