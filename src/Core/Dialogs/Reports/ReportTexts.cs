using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Dialogs.Reports;

/// <summary>What the bot says in the weekly, kick-off and event-day reports and around every report (period, saving, status).</summary>
public static class ReportTexts
{
    // Choosing the period
    public const string NoCampaign = "Hiện chưa có kế hoạch nào đang chạy cho đơn vị của bạn. Khi có kỳ báo cáo, bot sẽ nhắc bạn.";
    public const string ReportActivities = "Có, báo cáo hoạt động";
    public const string NoActivity = "Tuần này đơn vị không có hoạt động";
    public const string OtherPeriod = "Chọn kỳ khác";
    public const string PickPeriod = "Bạn muốn báo cáo kỳ nào?";
    public const string EditExisting = "Sửa báo cáo này";
    public const string KeepExisting = "Thôi, giữ nguyên";
    public const string KeptExisting = "Báo cáo giữ nguyên. Gõ /trangthai để xem tình hình.";
    public const string PickEdit = "Bạn muốn sửa báo cáo kỳ nào?";
    public const string NothingToEdit = "Đơn vị chưa gửi báo cáo nào còn trong hạn sửa. Gõ /baocao để gửi báo cáo.";

    public const string ReportThisPeriod = "Báo cáo kỳ này";

    /// <summary>A kick-off, event-day or final period offered first when other periods are also open.</summary>
    public static string AskThisPeriod(ReportingPeriod p, TimeZoneInfo zone, bool late) =>
        $"Kỳ cần báo cáo: {PeriodLine(p, zone)}." + (late ? " Kỳ này đã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn." : "") +
        "\nĐơn vị còn kỳ khác chưa gửi hoặc còn sửa được; bạn báo cáo kỳ này hay chọn kỳ khác?";

    /// <summary>A line of the period picker: "Tuần 1 (24/02–01/3), hạn … — quá hạn, chưa gửi".</summary>
    public static string PickLine(ReportingPeriod p, TimeZoneInfo zone, bool sent, bool overdue) =>
        PeriodLine(p, zone) + (sent ? " — đã gửi, còn sửa được" : overdue ? " — quá hạn, chưa gửi" : "");

    public static string NoSuchPeriod(string name, IEnumerable<string> periods) =>
        $"Không có kỳ báo cáo \"{name}\". Các kỳ của đợt này: {string.Join(", ", periods)}.\nGõ ví dụ /baocao tuần 1, hoặc chỉ /baocao để bot chọn kỳ.";

    public static string NotBegunYet(string periodLine, string start) => $"Kỳ {periodLine} chưa bắt đầu (từ {start}), chưa báo cáo được.";

    public static string NoPeriodYet(string? first) =>
        first is null ? "Kế hoạch chưa có kỳ báo cáo nào." : $"Chưa đến kỳ báo cáo nào. Kỳ đầu tiên: {first}.";

    /// <summary>"Tuần 2 (02/3–08/3), hạn 11g00 thứ Sáu 08/3" (generated labels already carry the window).</summary>
    public static string PeriodLine(ReportingPeriod p, TimeZoneInfo zone) =>
        (p.Label.Contains('(') ? p.Label
            : p.WindowStart == p.WindowEnd ? $"{p.Label} ({p.WindowStart.Day:00}/{p.WindowStart.Month})"
            : $"{p.Label} ({p.WindowStart.Day:00}/{p.WindowStart.Month}–{p.WindowEnd.Day:00}/{p.WindowEnd.Month})")
        + $", hạn {Deadline(p, zone)}";

    /// <summary>"báo cáo Tuần 1 (02/3–08/3)", and "báo cáo tổng kết" for a label that already says "Báo cáo …".</summary>
    public static string ReportName(string label) =>
        label.StartsWith("Báo cáo", StringComparison.OrdinalIgnoreCase) ? "b" + label[1..] : "báo cáo " + label;

    /// <summary>"tuần 3" from "Tuần 3 (09/3–15/3)".</summary>
    public static string ShortLabel(string label) => label.Split('(')[0].Trim().ToLower(VietnamTime.Culture);

    public static string Deadline(ReportingPeriod p, TimeZoneInfo zone) => VietnamTime.FormatDeadline(VietnamTime.ToLocal(p.DeadlineUtc, zone));

    public static string AskWeekly(ReportingPeriod p, TimeZoneInfo zone, bool late) =>
        $"Báo cáo {PeriodLine(p, zone)}." + (late ? "\nKỳ này đã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn." : "") +
        "\nTrong kỳ này đơn vị có hoạt động không?";

    public static string AlreadySent(string label, string? who, string at) =>
        $"Đơn vị đã gửi báo cáo {label}" + (who is null ? "" : $" ({who} gửi)") + $" lúc {at}. Bạn muốn sửa báo cáo này không?";

    public static string Returned(string label, string? reason) =>
        $"Văn phòng Đoàn đã trả lại báo cáo {label} để bổ sung" + (string.IsNullOrEmpty(reason) ? "." : $": {reason}") +
        "\nSửa xong bấm \"Gửi báo cáo\" để gửi lại.";

    public static string TooLateToEdit(string label, string deadline) =>
        $"Báo cáo {label} đã gửi và đã quá hạn ({deadline}) nên không sửa được nữa. Nếu cần sửa, bạn liên hệ văn phòng Đoàn.";

    // Activities
    public const string PickActivity = "Chọn hoạt động đơn vị đã làm (hoặc \"Hoạt động khác\" rồi gõ tên):";
    public const string OtherActivity = "Hoạt động khác";
    public const string AskTitle = "Tên hoạt động là gì?";
    public const string TitleExample = "Ra quân dọn vệ sinh kênh Tân Hóa";
    public const string AskCategory = "Hoạt động thuộc lĩnh vực nào?";
    public static string AskDate(string example) => $"Hoạt động diễn ra ngày nào? (ví dụ: {example}, hoặc bấm Hôm nay)";
    public const string AskParticipants = "Có bao nhiêu lượt đoàn viên, thanh niên tham gia? (ví dụ: 150)";
    public const string AskNews = "Viết vài dòng tin về hoạt động (làm gì, ở đâu, kết quả):";
    public const string AskNewsWithLinks =
        "Viết vài dòng tin về hoạt động (làm gì, ở đâu, kết quả). Có bài đăng Facebook, website thì dán link vào cuối tin:";
    public const string NewsNeedsText = "Đã lưu link. Bạn viết thêm vài dòng tin về hoạt động (làm gì, ở đâu, kết quả) nhé.";
    public const string NewsExample = "Sáng 08/3, 45 đoàn viên ra quân dọn vệ sinh, trồng 20 cây xanh tại khu phố 3.";
    public const string AskLinks = "Gửi link bài đăng về hoạt động (Facebook, website), mỗi link một dòng; không có thì bấm Bỏ qua.";
    // The photo question: "Kỳ này cần ít nhất 1 ảnh" when the period requires photos, else "Không có ảnh" to skip.
    public const string AskPhotosRequired = "Gửi ảnh hoạt động (1–10 ảnh, gửi cả album được). Kỳ này cần ít nhất 1 ảnh; gửi xong bấm \"Xong\".";
    public const string AskPhotosOptional =
        "Gửi ảnh hoạt động (tối đa 10 ảnh, gửi cả album được), gửi xong bấm \"Xong\"; không có ảnh thì bấm \"Không có ảnh\".";
    public const string AskPhotosOnceRequired = "Gửi ảnh hoạt động (1–10 ảnh, chọn nhiều ảnh gửi một lần được). Kỳ này cần ít nhất 1 ảnh:";
    public const string AskPhotosOnceOptional =
        "Gửi ảnh hoạt động (tối đa 10 ảnh, chọn nhiều ảnh gửi một lần được); không có ảnh thì bấm \"Không có ảnh\":";
    public const string NoPhotos = "Không có ảnh";
    public const string NeedOnePhoto = "Kỳ này cần ít nhất 1 ảnh. Bạn gửi ảnh hoạt động rồi bấm \"Xong\".";
    public const string AskMore = "Đơn vị còn hoạt động nào khác trong kỳ này không?";
    public const string AskMoreOrPhotos =
        "Đơn vị còn hoạt động nào khác trong kỳ này không? Chọn hoạt động, hoặc bấm \"Không, xem lại và gửi\". (Còn ảnh thì cứ gửi thêm.)";
    public static string PhotosTaken(int count) => $"Đã nhận {count} ảnh.";
    public static string PhotosAdded(int count) => $"Đã nhận thêm ảnh, hoạt động này có {count} ảnh.";
    public const string AddAnother = "Có, thêm hoạt động";
    public const string NoMore = "Không, xem lại và gửi";

    public const string SkipRest = "Bỏ qua hết";

    // Implausible numbers: confirmed, never refused or clamped
    public const string ConfirmYes = "Đúng, ghi số này";

    public static string AboveCap(Metric m, decimal value) =>
        $"{m.Label}: {VietnameseNumbers.Format(value, m.Unit)} lớn hơn mức tối đa kế hoạch đặt cho một báo cáo ({VietnameseNumbers.Format(m.Cap, m.Unit)}).";

    public static string AboveHistory(Metric m, decimal value, decimal previous, string period) =>
        $"{m.Label}: {VietnameseNumbers.Format(value, m.Unit)} — số này gấp {VietnameseNumbers.Format(Math.Floor(value / previous))} lần "
        + $"{ShortLabel(period)} ({VietnameseNumbers.Format(previous, m.Unit)}).";

    public static string AboveOthers(Metric m, decimal value, decimal median) =>
        $"{m.Label}: {VietnameseNumbers.Format(value, m.Unit)} — số này gấp {VietnameseNumbers.Format(Math.Floor(value / median))} lần "
        + $"mức thường thấy ở các đơn vị khác ({VietnameseNumbers.Format(median, m.Unit)}).";

    public static string ConfirmNumbers(IEnumerable<(Metric Metric, decimal Value, bool Approximate)> read, IEnumerable<string> doubts) =>
        "Bạn kiểm tra lại giúp:\n" + string.Join("\n", doubts.Select(d => "• " + d))
        + "\nĐúng vậy không? Bấm \"Đúng, ghi số này\", hoặc gửi lại " + (read.Count() > 1 ? "các số" : "số") + " đúng.";

    public static string AskMetric(Metric m) => $"{m.Label} (đơn vị tính: {m.Unit})?";
    /// <summary>Fixing from the review: the current value is shown, and skipping keeps it.</summary>
    public static string AskMetricToFix(Metric m, decimal? current) => current is { } v
        ? $"{m.Label}: hiện là {VietnameseNumbers.Format(v, m.Unit)}. Gửi số mới, bấm \"Bỏ qua\" để giữ nguyên, hoặc \"Xoá số này\"."
        : $"{m.Label} (đơn vị tính: {m.Unit}): chưa có. Gửi số nếu có, hoặc bấm \"Bỏ qua\".";
    public const string ClearValue = "Xoá số này";
    public static string Cleared(Metric m) => $"Đã xoá: {m.Label}.";
    public static string Recorded(decimal value, string unit, bool approximate = false) =>
        $"Đã ghi: {Value(value, unit, approximate)}" + (approximate ? $" {Estimate}." : ".");

    /// <summary>The mark of a number typed as an estimate ("khoảng 200"), in the review, /tonghop and the exports.</summary>
    public const string ApproximateMark = "≈";
    public const string Estimate = "(số ước lượng)";

    /// <summary>"1.200 lượt", or "≈ 1.200 lượt" for an estimate.</summary>
    public static string Value(decimal value, string unit, bool approximate) =>
        (approximate ? ApproximateMark + " " : "") + VietnameseNumbers.Format(value, unit);

    /// <summary>All of an activity's numbers in one question; the example names each by its first alias.</summary>
    public static string AskMetrics(IReadOnlyList<Metric> metrics, string example) =>
        "Gửi số liệu của hoạt động, gõ nhiều số trong một tin được, mỗi số kèm tên:\n"
        + string.Join("\n", metrics.Select(m => $"• {m.Label} ({m.Unit})"))
        + $"\nVí dụ: {example}";

    public static string RecordedMany(IEnumerable<(Metric Metric, decimal Value, bool Approximate)> values) =>
        "Đã ghi:\n" + string.Join("\n", values.Select(v => $"• {v.Metric.Label}: {Value(v.Value, v.Metric.Unit, v.Approximate)}"))
        + (values.Any(v => v.Approximate) ? $"\n({ApproximateMark}: số ước lượng)" : "");

    public static string MetricAmbiguous(string part, IEnumerable<Metric> metrics) =>
        $"Chưa rõ \"{part}\" là số nào: " + string.Join(" hay ", metrics.Select(m => m.Label.ToLower(VietnamTime.Culture)))
        + "? Bạn gõ kèm tên, ví dụ: " + string.Join(", ", metrics.Take(2).Select(m => $"{MetricName(m)} {VietnameseNumbers.Format(m.Kind == MetricKind.Money ? 5_000_000 : 20)}")) + ".";

    public static string MetricNotCollected(string part, Metric metric, Metric current) =>
        $"\"{part}\" là số {metric.Label.ToLower(VietnamTime.Culture)}, hoạt động này không ghi số đó. "
        + $"Bạn gửi lại {current.Label.ToLower(VietnamTime.Culture)} ({current.Unit}), ví dụ: {(current.Kind == MetricKind.Money ? "5 triệu" : "150")}.";

    public static string MetricUnnamed(string part, string example) =>
        $"Chưa rõ số \"{part}\" là số liệu nào. Khi gõ nhiều số, bạn ghi kèm tên từng số, ví dụ: {example}.";

    /// <summary>The shortest word a person would type for the metric: its first alias, else its label.</summary>
    public static string MetricName(Metric m) => m.Aliases.Count > 0 ? m.Aliases[0] : m.Label.ToLower(VietnamTime.Culture);
    public const string EarlyPhotosFailed = "Bot chưa lưu được ảnh nào; đến bước gửi ảnh, bạn gửi lại ảnh hoặc chọn gửi không kèm ảnh.";
    public const string EarlyPhotosAttached = "Bot đã gắn vào hoạt động này các ảnh bạn gửi lúc trước.";
    public static string PhotosReceived(int count) => $"Đã nhận {count} ảnh. Gửi thêm ảnh, hoặc bấm \"Xong\" nếu đủ.";
    /// <summary>"Ảnh thứ 2: Ảnh quá lớn (tối đa 10 MB). …".</summary>
    public static string PhotoFailed(int position, string explanation) => $"Ảnh thứ {position}: {explanation}";
    public const string ResendOrWithoutPhotos =
        "Nếu không gửi lại được, bấm \"Gửi không kèm ảnh\" để làm tiếp: báo cáo vẫn gửi được, và văn phòng sẽ biết ảnh nào bị lỗi.";
    public const string WithoutPhotos = "Gửi không kèm ảnh";
    /// <summary>Review line after the photo count: "(1 ảnh không lưu được: ảnh thứ 3 — ảnh quá lớn)".</summary>
    public static string ReviewPhotoFailures(IEnumerable<string> failures) =>
        failures.ToList() is var list && list.Count > 0 ? $" ({list.Count} ảnh không lưu được: {string.Join("; ", list)})" : "";
    public static string ReviewPhotoFailure(int position, string reason) => $"ảnh thứ {position} — {reason}";
    public static string TooManyPhotos(int max) => $"Mỗi hoạt động tối đa {max} ảnh; các ảnh sau ảnh thứ {max} không được lưu.";

    // Review and saving
    public static string ReviewHeader(string periodLabel, string unit) => $"Xem lại báo cáo {periodLabel} — {unit}:";
    public static string ReviewChanged(string? before) => before is null ? " (mới thêm)" : $" (đã sửa, trước: {before})";
    public static string ReviewCleared(string before) => $"đã xoá (trước: {before})";
    public const string ReviewApproximate = "(≈: số ước lượng, như bạn gõ \"khoảng\", \"hơn\", \"gần\"…)";
    public const string ReviewNews = "Tin: ";
    public const string ReviewLinks = "Link: ";
    public const string ReviewPhotos = "Ảnh: ";
    public const string ReviewFooter = "Bạn kiểm tra rồi bấm \"Gửi báo cáo\", hoặc sửa một mục.";
    /// <summary>Participants when the plan's catalog has no metric for them.</summary>
    public const string ParticipantsLabel = "Lượt đoàn viên, thanh niên tham gia";
    public const string Send = "Gửi báo cáo";
    public const string Fix = "Sửa một mục";
    public const string Add = "Thêm hoạt động";
    public const string PickFixActivity = "Bạn muốn sửa hoạt động nào?";
    public const string PickFixField = "Bạn muốn sửa mục nào?";
    public const string FieldTitle = "Tên hoạt động";
    public const string FieldDate = "Ngày";
    public const string FieldParticipants = "Số lượt tham gia";
    public const string FieldMetrics = "Các số liệu khác";
    public const string FieldNews = "Tin";
    public const string FieldLinks = "Link";
    public const string FieldPhotos = "Ảnh (gửi lại toàn bộ)";
    public const string FieldDelete = "Xóa hoạt động này";
    public const string NoActivitiesLeft = "Báo cáo không còn hoạt động nào. Chọn hoạt động đơn vị đã làm:";

    public static string Sent(string label, bool late, bool edit) =>
        (edit ? $"Đã cập nhật {ReportName(label)}." : $"Đã gửi {ReportName(label)}.") +
        (late ? " Báo cáo được ghi nhận là nộp muộn." : "") + " Cảm ơn bạn!";

    public static string SentNoActivity(string label, bool late) =>
        $"Đã ghi nhận: {label} đơn vị không có hoạt động." + (late ? " Báo cáo được ghi nhận là nộp muộn." : "") + " Cảm ơn bạn!";

    /// <summary>"báo cáo dở tuần 3"; "làm dở báo cáo tổng kết".</summary>
    public static string Progress(string label) =>
        ShortLabel(label) is var name && name.StartsWith("báo cáo", StringComparison.Ordinal) ? $"làm dở {name}" : $"báo cáo dở {name}";

    // Kick-off / event day
    public static string AskShortNews(ReportingPeriod p, TimeZoneInfo zone, bool late) =>
        // "Báo cáo nhanh Lễ khởi động (26/02)" is already a report's name: no second "Báo cáo nhanh".
        (p.Label.StartsWith("Báo cáo", StringComparison.OrdinalIgnoreCase) ? $"{PeriodLine(p, zone)}." : $"Báo cáo nhanh {PeriodLine(p, zone)}.") + (late ? "\nKỳ này đã quá hạn; báo cáo vẫn được nhận và ghi là nộp muộn." : "") +
        "\nViết vài dòng tin về hoạt động của đơn vị:";
    public const string AskShortLinks = "Gửi link bài đăng về hoạt động (Facebook, website), mỗi link một dòng:";

    // Commands (Telegram's command menu)
    public const string MenuReport = "Gửi báo cáo kỳ này";
    public const string MenuStatus = "Xem đơn vị đã gửi gì, còn thiếu gì";
    public const string MenuEdit = "Sửa báo cáo đã gửi (trước hạn)";

    /// <summary>"08g30 ngày 05/3/2024": when a report was sent.</summary>
    public static string SentAt(DateTime local) =>
        $"{VietnamTime.FormatTime(TimeOnly.FromDateTime(local))} ngày {VietnamTime.FormatDate(DateOnly.FromDateTime(local))}";

    /// <summary>Said when someone else of the unit sent this period's report while this person was still writing theirs.</summary>
    public const string ReplacedOther =
        "Lưu ý: trong lúc bạn soạn, một người khác của đơn vị đã gửi báo cáo kỳ này; báo cáo của bạn đã thay bản đó (bản cũ vẫn được lưu trong lịch sử sửa).";

    // The audit trail the office reads (ReportAudit.Action)
    public const string AuditNoActivity = "Gửi: không có hoạt động";
    public const string AuditEditNoActivity = "Sửa: không có hoạt động";
    public const string AuditEdit = "Sửa báo cáo";
    public const string AuditSent = "Gửi báo cáo";
    public const string AuditSentLate = "Gửi báo cáo (muộn)";

    // Status
    public const string StatusFooter = "Gõ /baocao để báo cáo, /sua để sửa báo cáo còn trong hạn.";
    public static string StatusDue(string deadline) => $"{StatusMissing} — hạn {deadline}";
    /// <summary>"đã gửi 08g30 05/3".</summary>
    public static string StatusSent(DateTime local) =>
        $"đã gửi {VietnamTime.FormatTime(TimeOnly.FromDateTime(local))} {local.Day.ToString("00", VietnamTime.Culture)}/{local.Month}";
    public static string StatusTitle(string unit, string campaign) => $"{StatusHeader} {unit} — {campaign}:";
    public const string StatusHeader = "Tình hình báo cáo của";
    public const string StatusLate = "nộp muộn";
    public const string StatusOnTime = "đúng hạn";
    public const string StatusNoActivity = "không có hoạt động";
    public const string StatusMissing = "chưa gửi";
    public const string StatusOverdue = "quá hạn, chưa gửi";
}
