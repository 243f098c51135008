namespace YouthMonth.Core.Summaries;

/// <summary>What /tonghop answers besides the summary itself: no campaign, a scope it does not understand or cannot find.</summary>
public static class SummaryTexts
{
    public const string NoCampaign = "Chưa có đợt hoạt động nào để tổng hợp. Văn phòng Đoàn cần nhập kế hoạch trước.";
    public const string NoWeeks = "Đợt này không có báo cáo tuần.";
    public const string NoKickOff = "Đợt này không có báo cáo lễ ra quân.";
    public const string NoFinal = "Đợt này không có báo cáo tổng kết.";
    public const string NoPeriods = "Đợt này chưa có kỳ báo cáo nào.";

    /// <summary>The mark of a number that counts an estimate, and what it means (/tonghop, .docx, .xlsx, .csv).</summary>
    public const string ApproximateMark = "≈";
    public const string ApproximateNote = "≈: có đơn vị báo số ước lượng (gõ \"khoảng\", \"hơn\", \"gần\"…); số được cộng như đã báo.";
    public const string ApproximateColumn = "Số ước lượng";
    public const string ApproximateTotal = "có số ước lượng";

    public static string UnknownScope(string? typed) =>
        $"Không hiểu phạm vi \"{typed}\". Bạn có thể gõ: /tonghop (kỳ hiện tại), /tonghop tuần 3, hoặc /tonghop toàn đợt.";

    public static string NoSuchWeek(int week, int first, int last) => $"Đợt này không có tuần {week}; các tuần báo cáo là {first}–{last}.";
}
