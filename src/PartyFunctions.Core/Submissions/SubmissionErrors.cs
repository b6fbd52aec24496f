using PartyFunctions.Scoring;

namespace PartyFunctions.Submissions;

/// <summary>The submission's own errors (beyond the sheet's), one factory each so codes and texts stay consistent.</summary>
public static class SubmissionErrors
{
    /// <summary>The field of errors that belong to the whole request rather than one input.</summary>
    public const string General = "";

    public static FieldError Required(string field) => new(field, "required", "Chưa nhập.", "Required.");

    public static FieldError UnitId() => new("unitId", "unit-id",
        "Mã chi bộ gồm chữ in hoa không dấu, số, '.', '-', '_' (tối đa 64 ký tự).",
        "The cell id is capital letters, digits, '.', '-' or '_' (at most 64).");

    public static FieldError Receipt() => new("receiptId", "receipt-id",
        "Số biên nhận gồm chữ, số và '-', từ 8 đến 40 ký tự.", "A receipt id is 8 to 40 letters, digits or dashes.");

    public static FieldError Number(string field) => new(field, "number", "Phải là một số, ví dụ 12 hoặc 12,5.", "Must be a number, e.g. 12 or 12.5.");

    public static FieldError WholeNumber(string field) => new(field, "integer", "Phải là một số nguyên.", "Must be a whole number.");

    public static FieldError YesNo(string field) => new(field, "yes-no", "Chọn Có hoặc Không.", "Choose yes or no.");

    public static FieldError TooLong(string field, int max) => new(field, "too-long", $"Tối đa {max} ký tự.", $"At most {max} characters.");

    public static FieldError FutureMonth() => new("period", "future",
        "Không thể chấm điểm cho tháng chưa tới.", "A month in the future cannot be scored.");

    public static FieldError BeforeActive(DateOnly from) => new("period", "not-active",
        $"Chi bộ bắt đầu hoạt động từ {from:dd/MM/yyyy}: tháng này không cần chấm điểm.",
        $"The cell is active from {from:yyyy-MM-dd}: this month needs no score.");

    public static FieldError AfterActive(DateOnly to) => new("period", "not-active",
        $"Chi bộ đã thôi hoạt động từ {to:dd/MM/yyyy}.", $"The cell stopped being active on {to:yyyy-MM-dd}.");

    public static FieldError NoPack() => new("period", "no-pack",
        "Không có bộ tiêu chí nào áp dụng cho tháng này.", "No policy pack is in force for this month.");

    public static FieldError NoSuperior() => new(General, "no-superior",
        "Chi bộ chưa thuộc cấp ủy cấp trên nào trong danh sách đơn vị; hãy báo văn phòng.",
        "The cell has no superior in the registry; tell the office.");

    public static FieldError Closed(DateTimeOffset cutoff) => new("period", "closed",
        $"Đã quá hạn sửa ({Organisation.VietnamDate.Format(cutoff)}): chỉ cấp ủy cấp trên có thể xác nhận hoặc sửa điểm tháng này.",
        $"The amendment window closed at {cutoff:u}: only the superior can confirm or correct this month.");

    public static FieldError AlreadyConfirmed() => new(General, "confirmed",
        "Cấp ủy cấp trên đã xác nhận điểm tháng này; chi bộ không sửa được nữa.",
        "The superior has confirmed this month; the cell can no longer change it.");

    public static FieldError ChangedMeanwhile() => new(General, "conflict",
        "Điểm tháng này vừa được thay đổi bởi một lần gửi khác. Hãy xem lại và gửi lại.",
        "This month's score was changed by another submission meanwhile. Check it and send again.");

    public static FieldError ReceiptReused() => new(General, "receipt-reused",
        "Số biên nhận này đã được dùng cho một lần gửi khác. Hãy gửi lại bằng biểu mẫu mới.",
        "This receipt was already used for a different submission. Send again from a fresh form.");

    public static FieldError Authentication(string field, string message) => new(field, "access", message, message);
}
