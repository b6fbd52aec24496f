using PartyFunctions.Policy;

namespace PartyFunctions.Scoring;

/// <summary>The sheet problems the form can show, one factory per kind so that codes and texts stay consistent.</summary>
internal static class SheetErrors
{
    public static FieldError Required(string field) =>
        new(field, "required", "Chưa nhập.", "Required.");

    public static FieldError UnknownCriterion(string field) =>
        new(field, "unknown-criterion", "Tiêu chí không có trong bộ tiêu chí.", "Not a criterion of this policy pack.");

    public static FieldError Period(string field) =>
        new(field, "period", "Kỳ phải có dạng yyyy-MM, ví dụ 2025-11.", "The period is yyyy-MM, e.g. 2025-11.");

    public static FieldError OutOfRange(string field, decimal min, decimal max) =>
        new(field, "out-of-range",
            $"Phải từ {Texts.Number(min, Texts.Vi)} đến {Texts.Number(max, Texts.Vi)}.",
            $"Must be from {Texts.Number(min, Texts.En)} to {Texts.Number(max, Texts.En)}.");

    public static FieldError Step(string field) =>
        new(field, "step", "Điểm chấm theo bước 0,5.", "Points go in steps of 0.5.");

    public static FieldError NoneExpected(string field) =>
        new(field, "none-expected",
            "Số đảng viên phải sinh hoạt (tổng số trừ miễn sinh hoạt) phải ít nhất là 1.",
            "At least one member must be expected (members total minus exempt).");
}
