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

    /// <summary>A unit's final-report total that differs from the sum of its weekly reports (.docx, .xlsx, .csv).</summary>
    public const string WeeklySumColumn = "Tổng các tuần";
    /// <summary>The .xlsx sheet of photos the bot could not download (the reports went without them).</summary>
    public const string PhotoFailuresSheet = "Ảnh không tải được";

    /// <summary>
    /// The .docx's note for one report with photos the bot could not download: "Ảnh không tải được: Đoàn X, Tuần 2 —
    /// Ngày Chủ nhật xanh: ảnh thứ 2 (máy chủ chat không trả ảnh sau nhiều lần thử)."
    /// </summary>
    public static string PhotoFailuresDocxNote(string unit, string period, IEnumerable<(string Activity, IEnumerable<(int Position, string Reason)> Photos)> activities) =>
        $"{PhotoFailuresSheet}: {unit}, {period} — " + string.Join("; ", activities.Select(a => $"{a.Activity}: " +
            string.Join(", ", a.Photos.Select(p => $"ảnh thứ {p.Position} ({p.Reason})")))) + ".";

    public static string PhotoFailuresMore(int more) =>
        $"{PhotoFailuresSheet}: còn {SummaryNumbers.Format(more)} báo cáo khác (xem trang \"{PhotoFailuresSheet}\" trong tệp Excel).";

    public const string WeeklySumSheetNote =
        "Tổng các tuần: có đơn vị ghi số tổng kết khác tổng các báo cáo tuần của chính đơn vị (cột \"Tổng các tuần\" và ô tô màu ở trang \"Theo đơn vị\").";

    /// <summary>After a number of Phụ lục 1 that differs from the unit's weekly sum; explained by the note below the table.</summary>
    public const string WeeklySumMark = "(*)";

    public static string WeeklySumDocxNote(int units) =>
        $"{WeeklySumMark} Số tổng kết khác tổng các báo cáo tuần của chính đơn vị ({SummaryNumbers.Format(units)} đơn vị): ";

    public static string WeeklySumMore(int more) => $"; và {SummaryNumbers.Format(more)} đơn vị khác (xem cột \"{WeeklySumColumn}\" trong tệp Excel)";

    /// <summary>"Cây xanh: 20 (tổng kết: 35, khác 15)": the weekly sum first, as the column is named.</summary>
    public static string WeeklySum(string label, FinalVsWeekly d) =>
        $"{label}: {SummaryNumbers.Format(d.Weekly)} (tổng kết: {SummaryNumbers.Format(d.Final)}, khác {SummaryNumbers.Format(Math.Abs(d.Difference))})";

    public static string UnknownScope(string? typed) =>
        $"Không hiểu phạm vi \"{typed}\". Bạn có thể gõ: /tonghop (kỳ hiện tại), /tonghop tuần 3, hoặc /tonghop toàn đợt.";

    public static string NoSuchWeek(int week, int first, int last) => $"Đợt này không có tuần {week}; các tuần báo cáo là {first}–{last}.";
}
