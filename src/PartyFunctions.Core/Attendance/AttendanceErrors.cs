using PartyFunctions.Scoring;

namespace PartyFunctions.Attendance;

/// <summary>The attendance record's own errors, one factory each so codes and texts stay consistent.</summary>
public static class AttendanceErrors
{
    public static FieldError MeetingDate() => new("meetingDate", "date",
        "Ngày sinh hoạt có dạng ngày/tháng/năm, ví dụ 12/11/2025.", "The meeting date is yyyy-MM-dd, e.g. 2025-11-12.");

    public static FieldError DateOutsideMonth() => new("meetingDate", "date-outside-month",
        "Ngày sinh hoạt phải thuộc tháng đã chọn.", "The meeting date must fall in the month chosen.");

    public static FieldError FutureDate() => new("meetingDate", "future",
        "Ngày sinh hoạt chưa tới.", "The meeting date is in the future.");

    public static FieldError NoAttendees() => new("attendees", "required",
        "Ghi ít nhất một người dự (mỗi dòng một người).", "Name at least one attendee (one a line).");

    public static FieldError TooManyAttendees() => new("attendees", "too-many",
        $"Tối đa {AttendanceRecord.MaxAttendees} người dự.", $"At most {AttendanceRecord.MaxAttendees} attendees.");

    public static FieldError Version() => new("version", "version", "Số phiên bản không hợp lệ.", "The version is not valid.");

    public static FieldError NotFound() => new("period", "no-record",
        "Đồng chí chưa ghi biên bản dự sinh hoạt của đơn vị này trong tháng này.", "You have no attendance record of this unit for this month.");

    public static FieldError AlreadyRecorded() => new("", "already-recorded",
        "Đồng chí đã ghi biên bản tháng này rồi. Hãy mở lại trang để xem bản đã lưu và sửa bản đó.",
        "You already recorded this month. Open the page again to see the stored record and amend it.");

    public static FieldError Stale() => new("", "stale-version",
        "Biên bản này đã được sửa từ khi đồng chí mở trang. Hãy mở lại trang để xem bản mới nhất rồi sửa lại.",
        "This record was changed since you opened it. Open the page again to see the latest version and amend that.");

    public static FieldError ReceiptReused() => new("", "receipt-reused",
        "Số biên nhận này đã được dùng cho một biên bản khác. Hãy gửi lại từ một trang mới.",
        "This receipt was already used for a different record. Send again from a fresh page.");
}
