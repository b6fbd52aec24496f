using PartyFunctions.Remediation;

namespace PartyFunctions.Presentation.Remediation;

/// <summary>How every page and CSV names a plan's state and the actions in its history, Vietnamese first.</summary>
public static class PlanWording
{
    /// <summary>A plan's state in words; null is a plan not written yet.</summary>
    public static string State(PlanState? state, bool en) => state switch
    {
        null => en ? "No plan yet" : "Chưa có kế hoạch",
        PlanState.Draft => en ? "Draft" : "Đang soạn (chưa gửi)",
        PlanState.Submitted => en ? "Submitted, awaiting review" : "Đã gửi, chờ xem xét",
        PlanState.Returned => en ? "Returned for revision" : "Trả lại để sửa",
        PlanState.Accepted => en ? "Accepted, in progress" : "Đã chấp nhận, đang thực hiện",
        _ => en ? "Closed" : "Đã hoàn thành",
    };

    public static string State(TrackerPlanState state, bool en) =>
        State(state == TrackerPlanState.NoPlan ? null : Enum.Parse<PlanState>(state.ToString()), en);

    public static string Action(PlanActionKind kind, bool en) => kind switch
    {
        PlanActionKind.Saved => en ? "Draft saved" : "Lưu bản nháp",
        PlanActionKind.Submitted => en ? "Submitted" : "Gửi kế hoạch",
        PlanActionKind.EvidenceAdded => en ? "Evidence added" : "Thêm minh chứng",
        PlanActionKind.Returned => en ? "Returned for revision" : "Trả lại để sửa",
        PlanActionKind.Accepted => en ? "Accepted" : "Chấp nhận",
        PlanActionKind.ItemClosed => en ? "Item closed" : "Kết thúc nội dung",
        PlanActionKind.ItemReopened => en ? "Item reopened" : "Mở lại nội dung",
        _ => en ? "Plan closed" : "Hoàn thành kế hoạch",
    };
}
