namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>What the bot says in the final report (báo cáo tổng kết) and the award nominations.</summary>
public static class FinalTexts
{
    public const string TotalsIntro = "Số liệu cả đợt, cộng từ các báo cáo tuần của đơn vị:";
    public const string NoTotals = "(chưa có số liệu nào từ các báo cáo tuần)";
    public const string TotalsQuestion = "Các số này đúng chưa? Nếu cần (ví dụ ước tính đến hết tháng), bạn sửa từng số.";
    public const string TotalsOk = "Đúng, giữ nguyên";
    public const string TotalsFix = "Sửa một số";
    public const string PickTotal = "Bạn muốn sửa số nào?";
    public const string TotalsDone = "Xong, quay lại";
    public const string AskAssessment = "Đánh giá chung của đơn vị về đợt hoạt động (kết quả nổi bật, hạn chế, đề xuất):";
    public const string AssessmentExample = "Đơn vị tổ chức 5 hoạt động, nổi bật là ngày hội hiến máu với 60 đơn vị máu.";
    public const string AskCollectiveName = "Đề xuất khen thưởng TẬP THỂ: tên tập thể?";
    public const string CollectiveExample = "Chi đoàn Khoa Nội";
    public const string AskCollectiveReason = "Lý do đề xuất khen thưởng tập thể này?";
    public const string AskIndividualName = "Đề xuất khen thưởng CÁ NHÂN: họ tên, chức vụ?";
    public const string IndividualExample = "Nguyễn Văn An, Bí thư Chi đoàn Khoa Nội";
    public const string AskIndividualReason = "Lý do đề xuất khen thưởng cá nhân này?";
    public const string ReasonExample = "Tích cực tổ chức 3 hoạt động tình nguyện, vận động 40 đoàn viên hiến máu.";
    public const string FieldTotals = "Số liệu";
    public const string FieldAssessment = "Đánh giá chung";
    public const string FieldCollective = "Đề xuất tập thể";
    public const string FieldIndividual = "Đề xuất cá nhân";

    public static string AskTotal(string label, string unit) => $"{label} (đơn vị tính: {unit}): nhập số đúng.";
    public static string Start(string label, string periodLine, bool late) =>
        (label.StartsWith("Báo cáo", StringComparison.OrdinalIgnoreCase) ? $"{periodLine}." : $"Báo cáo tổng kết — {periodLine}.") + (late ? "\nĐã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn." : "");

    /// <summary>The review screen of the final report.</summary>
    public static string Review(string periodLabel, string unit, string totals, string? assessment,
        string? collective, string? collectiveReason, string? individual, string? individualReason) =>
        $"Xem lại {periodLabel.ToLower(VietnamTime.Culture)} — {unit}:\n\n" +
        totals + "\n\n" +
        $"Đánh giá chung: {assessment}\n\n" +
        $"Đề xuất tập thể: {collective} — {collectiveReason}\n" +
        $"Đề xuất cá nhân: {individual} — {individualReason}\n\n" +
        ReportTexts.ReviewFooter;
}
