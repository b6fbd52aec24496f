using PartyFunctions.Policy;

namespace PartyFunctions.Classification;

/// <summary>The code and the Vietnamese and English sentence of each <see cref="LevelReasons"/> bit.</summary>
public static class LevelReasonTexts
{
    private static readonly (LevelReasons Bit, Reason Reason)[] Texts =
    [
        (LevelReasons.InsufficientData, new("insufficient-data",
            "Dưới số tháng tối thiểu phải báo cáo: cấp ủy cấp trên xem xét, quyết định.",
            "Too few required months: the superior committee decides.")),
        (LevelReasons.YearWeak, new("year-kem", "Chất lượng sinh hoạt cả năm xếp loại Kém.", "The meeting-quality year is Weak (Kém).")),
        (LevelReasons.MembersFailedShare, new("members-khtnv-share",
            "Quá tỷ lệ đảng viên không hoàn thành nhiệm vụ.", "Too many members rated KHTNV.")),
        (LevelReasons.TargetsMissed, new("targets-missed",
            "Tỷ lệ chỉ tiêu hoàn thành dưới mức tối thiểu.", "Too few targets met.")),
        (LevelReasons.YearGood, new("year-tot", "Chất lượng sinh hoạt cả năm xếp loại Tốt.", "The meeting-quality year is Good (Tốt).")),
        (LevelReasons.YearFair, new("year-kha", "Chất lượng sinh hoạt cả năm xếp loại Khá.", "The meeting-quality year is Fair (Khá).")),
        (LevelReasons.YearAverage, new("year-trung-binh",
            "Chất lượng sinh hoạt cả năm xếp loại Trung bình.", "The meeting-quality year is Average (Trung bình).")),
        (LevelReasons.Disciplined, new("disciplined", "Chi bộ hoặc cấp ủy bị kỷ luật.", "The cell or its committee was disciplined.")),
        (LevelReasons.OpenRemediation, new("open-remediation",
            "Còn kế hoạch khắc phục chưa hoàn thành.", "A remediation plan is still open.")),
        (LevelReasons.MembersBelowShare, new("members-share-low",
            "Chưa đủ tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trở lên.", "Too few members rated HTTNV or better.")),
        (LevelReasons.MembersFailed, new("members-khtnv", "Có đảng viên không hoàn thành nhiệm vụ.", "A member was rated KHTNV.")),
        (LevelReasons.Quota, new("quota",
            "Vượt tỷ lệ Hoàn thành xuất sắc nhiệm vụ của cấp ủy cấp trên: đề xuất Hoàn thành tốt nhiệm vụ.",
            "Over the superior's HTXSNV quota: proposed HTTNV instead.")),
    ];

    public static IReadOnlyList<Reason> Explain(LevelReasons reasons) =>
        [.. Texts.Where(t => (reasons & t.Bit) != 0).Select(t => t.Reason)];
}
