using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>What the bot says in the final report (báo cáo tổng kết) and the award nominations.</summary>
public static class FinalTexts
{
    public const string TotalsIntro = "Số liệu cả đợt, cộng từ các báo cáo tuần của đơn vị (không tính báo cáo nhanh ra quân, cao điểm):";
    public const string NoTotals = "(chưa có số liệu nào từ các báo cáo tuần)";
    /// <param name="example">"tham gia 5000, cây xanh 35" from the metrics asked (<see cref="TypedTotalsExample"/>).</param>
    public static string TotalsQuestion(string example) =>
        "Các số này đúng chưa? Nếu cần (ví dụ ước tính đến hết tháng, hoặc cộng thêm hoạt động chưa báo cáo), bạn gõ số đúng "
        + $"kèm tên ngay tại đây (ví dụ: {example}) hoặc bấm \"Sửa một số\".";
    public const string TotalsOk = "Đúng, giữ nguyên";
    public static string NoTotalsQuestion(string example) =>
        $"Có số liệu cả đợt thì bạn gõ kèm tên ngay tại đây (ví dụ: {example}) hoặc bấm \"Sửa một số\"; không có thì bấm \"Không có số liệu\".";
    public const string NoTotalsOk = "Không có số liệu";
    public static string NameTheTotal(string example) => $"Bạn ghi kèm tên số cần sửa, ví dụ: {example}.";

    /// <summary>"tham gia 5000, cây xanh 35": the first two metrics asked, by their shortest name.</summary>
    public static string TypedTotalsExample(IReadOnlyList<Metric> metrics) =>
        metrics.Count == 0 ? "tham gia 5000" : string.Join(", ", metrics.Take(2).Select((m, i) =>
            $"{ReportTexts.MetricName(m)} {(m.Kind == MetricKind.Money ? "5 triệu" : i == 0 ? "5000" : "35")}"));
    public const string TotalsFix = "Sửa một số";
    public const string PickTotal = "Bạn muốn sửa số nào?";
    public const string TotalsDone = "Xong, quay lại";
    public const string AskStrengths = "Nhận xét, đánh giá — MẶT ĐƯỢC: kết quả nổi bật của đơn vị trong đợt hoạt động?";
    public const string StrengthsExample = "Đơn vị tổ chức 5 hoạt động, nổi bật là ngày hội hiến máu với 60 đơn vị máu.";
    public const string AskLimitations = "HẠN CHẾ: những việc chưa làm được, khó khăn (không có thì bấm Bỏ qua)?";
    public const string LimitationsExample = "Một số chi đoàn báo cáo chậm; kinh phí vận động còn ít.";
    public const string ReasonExample = "Tích cực tổ chức 3 hoạt động tình nguyện, vận động 40 đoàn viên hiến máu.";
    public const string FieldTotals = "Số liệu";
    public const string FieldStrengths = "Mặt được";
    public const string FieldLimitations = "Hạn chế";
    public const string FieldNominations = "Đề xuất khen thưởng (nhập lại)";
    public const string ReviewStrengths = "Mặt được: ";
    public const string ReviewLimitations = "Hạn chế: ";
    public const string None = "(không có)";
    public const string NoNominations = "Đề xuất khen thưởng: không có.";

    public static string KindName(NominationKind kind) => kind == NominationKind.Collective ? "tập thể" : "cá nhân";

    /// <summary>"Đề xuất khen thưởng TẬP THỂ (2/3): tên tập thể?"; the count only when more than one is asked.</summary>
    public static string AskNomineeName(NominationKind kind, int ordinal, int perKind) =>
        $"Đề xuất khen thưởng {KindName(kind).ToUpper(VietnamTime.Culture)}" + (perKind > 1 ? $" ({ordinal}/{perKind})" : "") +
        (kind == NominationKind.Collective ? ": tên tập thể?" : ": họ và tên?") + " Không đề xuất thì bấm Bỏ qua.";

    public static string NameExample(NominationKind kind) => kind == NominationKind.Collective ? "Chi đoàn Khoa Nội" : "Nguyễn Văn An";

    public static string AskNomineePosition(NominationKind kind) => kind == NominationKind.Collective
        ? "Tập thể này thuộc đơn vị nào? (không cần thì bấm Bỏ qua)"
        : "Chức vụ, đơn vị của cá nhân này? (không cần thì bấm Bỏ qua)";

    public static string PositionExample(NominationKind kind) => kind == NominationKind.Collective ? "Đoàn Bệnh viện Đa khoa" : "Bí thư Chi đoàn Khoa Nội";

    public static string AskNomineeReason(NominationKind kind) => $"Thành tích của {KindName(kind)} này (vì sao đề xuất)?";

    /// <summary>"Đề xuất tập thể: Chi đoàn Khoa Nội (Đoàn Bệnh viện) — thành tích".</summary>
    public static string ReviewNominee(NominationDraft n) =>
        $"Đề xuất {KindName(n.Kind)}: {n.Name}" + (string.IsNullOrEmpty(n.Position) ? "" : $" ({n.Position})") +
        (string.IsNullOrEmpty(n.Reason) ? "" : $" — {n.Reason}");

    public const string UseWeeklySums = "Dùng tổng các tuần";
    public const string ReviewFooterWeekly =
        "Bạn kiểm tra rồi bấm \"Gửi báo cáo\"; bấm \"Dùng tổng các tuần\" để thay các số khác tổng các báo cáo tuần bằng tổng đó; hoặc sửa một mục.";

    /// <summary>After a total that is not the sum of the unit's weekly reports: " (tổng các tuần: 1.234 — khác 34)".</summary>
    public static string WeeklySumNote(decimal weekly, decimal total) =>
        $" (tổng các tuần: {VietnameseNumbers.Format(weekly)} — khác {VietnameseNumbers.Format(Math.Abs(total - weekly))})";

    /// <summary>A metric the weekly reports gave and the totals lack.</summary>
    public static string OnlyWeeklySum(decimal weekly, string unit) => $"chưa có số (tổng các tuần: {VietnameseNumbers.Format(weekly, unit)})";

    public static string AboveWeeklySum(Metric m, decimal value, decimal weekly) =>
        $"{m.Label}: {VietnameseNumbers.Format(value, m.Unit)} — số này gấp {VietnameseNumbers.Format(Math.Floor(value / weekly))} lần "
        + $"tổng các tuần ({VietnameseNumbers.Format(weekly, m.Unit)}).";

    public static string TookWeeklySums(IEnumerable<(Metric Metric, decimal Value, bool Approximate)> taken) =>
        "Đã lấy tổng các tuần:\n" + string.Join("\n", taken.Select(t => $"• {t.Metric.Label}: {ReportTexts.Value(t.Value, t.Metric.Unit, t.Approximate)}"));

    public static string AskTotal(string label, string unit) => $"{label} (đơn vị tính: {unit}): nhập số đúng.";
    public static string Start(string label, string periodLine, bool late) =>
        (label.StartsWith("Báo cáo", StringComparison.OrdinalIgnoreCase) ? $"{periodLine}." : $"Báo cáo tổng kết — {periodLine}.") + (late ? "\nĐã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn." : "");

    public static string ReviewHeader(string periodLabel, string unit) => $"Xem lại {periodLabel.ToLower(VietnamTime.Culture)} — {unit}:";
}
