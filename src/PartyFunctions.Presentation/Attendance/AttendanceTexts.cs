using PartyFunctions.Presentation.Submissions;

namespace PartyFunctions.Presentation.Attendance;

/// <summary>
/// The words of the attendance page, Vietnamese first. The meeting facts, yes/no and the error summary are the
/// submission form's own words (<see cref="PageTexts"/>), so both forms say them alike.
/// </summary>
internal static class AttendanceTexts
{
    private static readonly Dictionary<string, string> OwnVi = new(StringComparer.Ordinal)
    {
        ["attendTitle"] = "Biên bản dự sinh hoạt chi bộ",
        ["unit"] = "Đơn vị",
        ["meetingHeading"] = "Buổi sinh hoạt",
        ["meetingDate"] = "Ngày sinh hoạt",
        ["peopleHeading"] = "Người dự",
        ["recordedBy"] = "Họ tên người ghi biên bản",
        ["attendees"] = "Những người dự từ cấp ủy (mỗi dòng một người)",
        ["notesHeading"] = "Nhận xét và kiến nghị",
        ["observations"] = "Nhận xét về buổi sinh hoạt",
        ["recommendations"] = "Kiến nghị, đề nghị chi bộ",
        ["scoreHeading"] = "Chấm điểm buổi sinh hoạt (không bắt buộc)",
        ["scoreNote"] = "Để trống cả phần này nếu không chấm điểm. Điểm được kiểm tra theo cùng bộ tiêu chí như bản tự chấm của chi bộ.",
        ["save"] = "Lưu biên bản",
        ["recordedDone"] = "Đã lưu biên bản (lần {0}).",
        ["replayedDone"] = "Biên bản này đã được lưu trước đó; không lưu thêm.",
        ["attendNote"] = "Đồng chí có thể mở lại liên kết này để sửa biên bản của mình; mỗi tháng một biên bản cho mỗi đơn vị. Muốn xem hoặc sửa tháng khác, hãy mở liên kết kèm tháng đó.",
    };

    private static readonly Dictionary<string, string> OwnEn = new(StringComparer.Ordinal)
    {
        ["attendTitle"] = "Record of attending a cell meeting",
        ["unit"] = "Unit",
        ["meetingHeading"] = "The meeting",
        ["meetingDate"] = "Date of the meeting",
        ["peopleHeading"] = "Who attended",
        ["recordedBy"] = "Your full name",
        ["attendees"] = "Committee members who attended (one a line)",
        ["notesHeading"] = "Observations and recommendations",
        ["observations"] = "What you observed",
        ["recommendations"] = "What you recommended to the cell",
        ["scoreHeading"] = "Your score of the meeting (optional)",
        ["scoreNote"] = "Leave this whole part empty to record no score. Points are checked against the same criteria as the cell's self-score.",
        ["save"] = "Save the record",
        ["recordedDone"] = "The record is stored (version {0}).",
        ["replayedDone"] = "This record had already been stored; nothing more was stored.",
        ["attendNote"] = "You may open this link again to amend your record; one record a month for each unit. To see or amend another month, open the link with that month.",
    };

    public static readonly Dictionary<string, string> Vi = Merge(PageTexts.Vi, OwnVi);

    public static readonly Dictionary<string, string> En = Merge(PageTexts.En, OwnEn);

    public static Dictionary<string, string> For(string language) => language == "en" ? En : Vi;

    private static Dictionary<string, string> Merge(Dictionary<string, string> shared, Dictionary<string, string> own)
    {
        var merged = new Dictionary<string, string>(shared, StringComparer.Ordinal);
        foreach (var (key, text) in own)
        {
            merged[key] = text;
        }

        return merged;
    }
}
