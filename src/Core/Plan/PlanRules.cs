using YouthMonth.Core.Text;

namespace YouthMonth.Core.Plan;

/// <summary>
/// The rules a plan obeys, shared by the whole-plan <see cref="PlanValidator"/> and the admin API's single-record
/// edits so both give the same answer. Each check adds field errors under a prefix such as "campaign.periods[2]".
/// </summary>
public static class PlanRules
{
    /// <summary>
    /// A deadline may fall up to this many days after the campaign's last day: final reports are sometimes due
    /// in the first days of the next month. Tân Phú's are due 19/3, inside the month; this only allows a margin.
    /// </summary>
    public const int DeadlineDaysAfterEnd = 7;

    public const int MaxNameLength = 300;

    /// <summary>
    /// Default days before the campaign's first day a period may be due (preparation steps: Tân Phú asks for units'
    /// plans by 24/02 for a month starting 26/02). Each campaign sets its own in <see cref="Campaign.LeadDays"/>.
    /// </summary>
    public const int DefaultLeadDays = 7;
    public const int MaxLeadDays = 60;

    /// <summary>A required text: present, NFC-normalised, not too long. Returns the cleaned value.</summary>
    /// <summary>A metric's cap: positive, whole, at most what the number parser reads.</summary>
    /// <summary>A final report asks no photos, so it cannot require them.</summary>
    public static void PhotosRequired(FieldErrors errors, string field, PeriodKind kind, bool required)
    {
        if (required && kind == PeriodKind.Final)
            errors.Add(field, "Báo cáo tổng kết không hỏi ảnh; chỉ kỳ tuần, lễ khởi động và ngày sự kiện mới bắt buộc ảnh được.");
    }

    public static void MetricMax(FieldErrors errors, string field, decimal? max)
    {
        if (max is not { } m) return;
        if (m <= 0 || m != decimal.Truncate(m) || m > Text.VietnameseNumbers.MaxMoney)
            errors.Add(field, $"Mức tối đa phải là số nguyên dương, không quá {Text.VietnameseNumbers.Format(Text.VietnameseNumbers.MaxMoney)} (hoặc để trống để dùng mức mặc định).");
    }

    public static string? RequiredText(FieldErrors errors, string field, string? value, int maxLength = MaxNameLength)
    {
        var clean = VietnameseText.Clean(value);
        if (string.IsNullOrEmpty(clean)) { errors.Add(field, "Không được để trống."); return null; }
        if (clean.Length > maxLength) errors.Add(field, $"Dài quá {maxLength} ký tự.");
        return clean;
    }

    public static string? OptionalText(FieldErrors errors, string field, string? value, int maxLength)
    {
        var clean = VietnameseText.Clean(value);
        if (string.IsNullOrEmpty(clean)) return null;
        if (clean.Length > maxLength) errors.Add(field, $"Dài quá {maxLength} ký tự.");
        return clean;
    }

    public static void TimeZone(FieldErrors errors, string field, string? zoneId)
    {
        if (!VietnamTime.IsKnownZone(zoneId))
            errors.Add(field, $"Múi giờ \"{zoneId}\" không tồn tại; dùng tên IANA, ví dụ {VietnamTime.DefaultTimeZoneId}.");
    }

    public static void CampaignDates(FieldErrors errors, string prefix, DateOnly start, DateOnly end, int leadDays = 0)
    {
        if (leadDays is < 0 or > MaxLeadDays)
            errors.Add(FieldErrors.Join(prefix, "leadDays"), $"Số ngày chuẩn bị trước đợt từ 0 đến {MaxLeadDays}.");
        if (end < start)
            errors.Add(FieldErrors.Join(prefix, "endDate"), "Ngày kết thúc phải bằng hoặc sau ngày bắt đầu.");
    }

    public static void Reminders(FieldErrors errors, string prefix, ReminderPolicy? reminders)
    {
        if (reminders?.Offsets is null) return;
        for (var i = 0; i < reminders.Offsets.Count; i++)
            if (!ReminderOffset.TryParse(reminders.Offsets[i], out _))
                errors.Add(FieldErrors.Join(prefix, $"reminders.offsets[{i}]"),
                    $"Mốc nhắc \"{reminders.Offsets[i]}\" không hợp lệ; viết \"-1d@16:00\" (hôm trước 16g00), \"0d@08:00\" hoặc \"-30m\".");
    }

    /// <summary>
    /// A period's window may start before the campaign (Cần Thơ's week 1 runs 24/02–01/3 for a month starting
    /// 01/3) but must touch it or the <paramref name="leadDays"/> before it; its deadline must fall between
    /// <paramref name="leadDays"/> days before the campaign's first day and <see cref="DeadlineDaysAfterEnd"/> days
    /// after its last day.
    /// </summary>
    public static void Period(FieldErrors errors, string prefix, DateOnly windowStart, DateOnly windowEnd, DateTime deadline,
        DateOnly campaignStart, DateOnly campaignEnd, int leadDays = 0)
    {
        var earliest = campaignStart.AddDays(-Math.Clamp(leadDays, 0, MaxLeadDays));
        if (windowEnd < windowStart)
            errors.Add(FieldErrors.Join(prefix, "windowEnd"), "Ngày cuối kỳ báo cáo phải bằng hoặc sau ngày đầu kỳ.");
        else if (windowEnd < earliest || windowStart > campaignEnd)
            errors.Add(FieldErrors.Join(prefix, "windowStart"),
                $"Kỳ báo cáo {VietnamTime.FormatDate(windowStart)}–{VietnamTime.FormatDate(windowEnd)} nằm ngoài thời gian đợt "
                + $"{VietnamTime.FormatDate(campaignStart)}–{VietnamTime.FormatDate(campaignEnd)}.");
        if (deadline.Kind != DateTimeKind.Unspecified)
            errors.Add(FieldErrors.Join(prefix, "deadline"), "Ghi hạn nộp theo giờ địa phương, không kèm múi giờ (ví dụ 2024-03-08T11:00:00).");
        var day = DateOnly.FromDateTime(deadline);
        if (day < earliest || day > campaignEnd.AddDays(DeadlineDaysAfterEnd))
            errors.Add(FieldErrors.Join(prefix, "deadline"),
                $"Hạn nộp {VietnamTime.FormatDate(day)} nằm ngoài thời gian đợt ({VietnamTime.FormatDate(campaignStart)}–"
                + $"{VietnamTime.FormatDate(campaignEnd)}, cho phép sớm tối đa {(campaignStart.DayNumber - earliest.DayNumber)} ngày trước khi bắt đầu "
                + $"(leadDays) và trễ tối đa {DeadlineDaysAfterEnd} ngày sau khi kết thúc).");
    }

    public static void Category(FieldErrors errors, string field, string? code, bool required)
    {
        if (code is null) { if (required) errors.Add(field, "Không được để trống."); return; }
        if (!ActivityCategories.IsKnown(code))
            errors.Add(field, $"Lĩnh vực \"{code}\" không có; dùng một trong: {string.Join(", ", ActivityCategories.Labels.Keys)}.");
    }

    /// <summary>A metric an activity asks for: one of the campaign's, and not participants (always asked).</summary>
    public static void ActivityMetric(FieldErrors errors, string field, string? code, IReadOnlySet<string> metricCodes)
    {
        if (code is null) { errors.Add(field, "Không được để trống."); return; }
        if (code == MetricCatalog.Participants) errors.Add(field, "Số lượt tham gia luôn được hỏi; không cần ghi ở đây.");
        else if (!metricCodes.Contains(code)) errors.Add(field, $"Chỉ số \"{code}\" không có trong đợt này.");
    }

    /// <summary>The fields a target's rule needs; <paramref name="metricCodes"/> are the campaign's metric codes.</summary>
    public static void Target(FieldErrors errors, string prefix, TargetRule rule, string? metricCode, string? category,
        decimal? goal, decimal? yearlyQuota, IReadOnlySet<string> metricCodes)
    {
        if (metricCode is not null && !metricCodes.Contains(metricCode))
            errors.Add(FieldErrors.Join(prefix, "metricCode"), $"Chỉ số \"{metricCode}\" không có trong đợt này.");
        Category(errors, FieldErrors.Join(prefix, "category"), category, required: false);
        var needsMetric = rule is TargetRule.MetricTotal or TargetRule.YearlyQuotaShare or TargetRule.PerUnitMinimum;
        if (needsMetric && metricCode is null)
            errors.Add(FieldErrors.Join(prefix, "metricCode"), "Quy tắc này cần mã chỉ số (metricCode).");
        if (rule != TargetRule.None && goal is null)
            errors.Add(FieldErrors.Join(prefix, "goal"), "Quy tắc này cần mức chỉ tiêu (goal).");
        if (goal < 0) errors.Add(FieldErrors.Join(prefix, "goal"), "Mức chỉ tiêu không được âm.");
        if (rule is TargetRule.UnitCoverage or TargetRule.YearlyQuotaShare && goal > 100)
            errors.Add(FieldErrors.Join(prefix, "goal"), "Tỷ lệ phần trăm không quá 100.");
        if (rule == TargetRule.YearlyQuotaShare && yearlyQuota is not > 0)
            errors.Add(FieldErrors.Join(prefix, "yearlyQuota"), "Quy tắc tỷ lệ chỉ tiêu năm cần chỉ tiêu năm (yearlyQuota) lớn hơn 0.");
    }

    public static void MetricCode(FieldErrors errors, string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) { errors.Add(field, "Không được để trống."); return; }
        if (code.Length > 64 || !code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            errors.Add(field, "Mã chỉ số chỉ gồm chữ thường không dấu, số và dấu gạch dưới (ví dụ \"trees\"), tối đa 64 ký tự.");
    }

    /// <summary>One period as the clash check sees it; <see cref="Prefix"/> null for a stored period that is not being edited.</summary>
    public sealed record PeriodSlot(string? Prefix, PeriodKind Kind, string? Label, DateOnly WindowStart, DateOnly WindowEnd);

    /// <summary>
    /// Two periods of one campaign may not share a name, nor (same kind) overlapping windows: a report would not
    /// know which one it belongs to. Final reports are exempt from the overlap rule: several of them legitimately
    /// cover the whole month (Tân Phú's "Báo cáo kết quả…" and "Báo cáo số liệu trực tuyến"). Errors go to the
    /// period being edited (the later one of a pair in a document), naming the other.
    /// </summary>
    public static void PeriodClashes(FieldErrors errors, IReadOnlyList<PeriodSlot> periods)
    {
        static string Window(PeriodSlot p) => $"{VietnamTime.FormatDate(p.WindowStart)}–{VietnamTime.FormatDate(p.WindowEnd)}";
        for (var i = 0; i < periods.Count; i++)
        for (var j = 0; j < periods.Count; j++)
        {
            var (a, b) = (periods[i], periods[j]);
            // Report on a when it is edited and b is stored, or both are in the document and b comes first.
            if (i == j || a.Prefix is null || (b.Prefix is not null && j > i)) continue;
            if (a.WindowEnd < a.WindowStart || b.WindowEnd < b.WindowStart) continue;
            var other = b.Prefix is null ? $"kỳ \"{b.Label}\"" : $"kỳ \"{b.Label}\" ({b.Prefix})";
            if (!string.IsNullOrEmpty(a.Label) && PlanValidator.UnitKey(a.Label) == PlanValidator.UnitKey(b.Label ?? ""))
                errors.Add(FieldErrors.Join(a.Prefix, "label"), $"Tên kỳ \"{a.Label}\" trùng với {other}; mỗi kỳ cần một tên riêng.");
            if (a.Kind == b.Kind && a.Kind != PeriodKind.Final && a.WindowStart <= b.WindowEnd && b.WindowStart <= a.WindowEnd)
                errors.Add(FieldErrors.Join(a.Prefix, "windowStart"),
                    $"Kỳ \"{a.Label}\" ({Window(a)}) trùng thời gian với {other} ({Window(b)}) cùng loại {a.Kind}.");
        }
    }
}
