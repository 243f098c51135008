using System.Text;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Scheduling;

/// <summary>What the bot says on its own: reminders and the missing-units alert (Vietnamese, as plans write dates).</summary>
public static class SchedulingTexts
{
    /// <summary>"tuần 2" for a weekly period, the label in quotes otherwise.</summary>
    public static string PeriodName(ReportingPeriod period) =>
        period.Kind == PeriodKind.Weekly && period.Number is { } n ? $"tuần {n}" : $"“{period.Label}”";

    public static string Reminder(Campaign campaign, ReportingPeriod period, Unit unit, DateTime deadlineLocal,
        TimeSpan leftBeforeDeadline, bool last)
    {
        var deadline = VietnamTime.FormatDeadline(deadlineLocal);
        if (!last)
            return $"""
                🔔 Nhắc báo cáo {period.Label} – {campaign.Name}
                Đơn vị {unit.Name} chưa gửi báo cáo. Hạn chót {deadline}.
                Gõ /baocao để báo cáo (khoảng 2 phút).
                """ + (period.Kind == PeriodKind.Weekly
                    ? "\nTuần này đơn vị không có hoạt động thì gõ /baocao rồi chọn \"Tuần này đơn vị không có hoạt động\"."
                    : "");
        return $"""
            ⚠️ NHẮC LẦN CUỐI: đơn vị {unit.Name} vẫn chưa gửi báo cáo {period.Label} – {campaign.Name}.
            Hạn chót {deadline}, chỉ còn {Duration(leftBeforeDeadline)}. Gõ /baocao để gửi ngay; báo cáo gửi sau hạn vẫn được ghi nhận nhưng bị ghi là nộp muộn.
            """;
    }

    public static string ActivityReminder(Activity activity, Unit unit, DateOnly day)
    {
        var when = activity.TimeOfDay is { } t ? $"{VietnamTime.FormatTime(t)} " : "";
        var place = string.IsNullOrWhiteSpace(activity.Place) ? "" : $" tại {activity.Place}";
        return $"""
            📅 Nhắc lịch hoạt động: ngày mai, {when}{VietnamTime.WeekdayName(day.DayOfWeek)} {VietnamTime.FormatDate(day)}{place}:
            “{activity.Title}”.
            Đơn vị {unit.Name} được giao phụ trách; sau hoạt động, nhớ gửi tin bài và hình ảnh qua bot.
            """;
    }

    /// <summary>"Còn 7/51 đơn vị chưa báo cáo tuần 2 (hạn chót 11g00 thứ Sáu 08/3):" then the units by cluster.</summary>
    public static string MissingUnits(ReportingPeriod period, DateTime deadlineLocal, IReadOnlyList<Unit> missing, int total)
    {
        var name = PeriodName(period);
        var deadline = VietnamTime.FormatDeadline(deadlineLocal);
        if (missing.Count == 0)
            return $"✅ Tất cả {total}/{total} đơn vị đã báo cáo {name} (hạn chót {deadline}).";
        var text = new StringBuilder($"⏰ Còn {missing.Count}/{total} đơn vị chưa báo cáo {name} (hạn chót {deadline}):");
        foreach (var cluster in missing.GroupBy(u => u.Cluster ?? "").OrderBy(g => g.Key == "" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append('\n').Append('\n').Append(cluster.Key == "" ? "Chưa xếp cụm" : cluster.Key).Append($" ({cluster.Count()}):");
            foreach (var unit in cluster.OrderBy(u => u.Name, StringComparer.Ordinal)) text.Append("\n- ").Append(unit.Name);
        }
        return text.ToString();
    }

    /// <summary>"30 phút", "2 giờ 30 phút", "1 ngày 3 giờ".</summary>
    public static string Duration(TimeSpan span)
    {
        var minutes = (int)Math.Ceiling(span.TotalMinutes);
        if (minutes < 60) return $"{Math.Max(minutes, 1)} phút";
        var (days, hours, rest) = (minutes / 1440, minutes % 1440 / 60, minutes % 60);
        var parts = new List<string>();
        if (days > 0) parts.Add($"{days} ngày");
        if (hours > 0) parts.Add($"{hours} giờ");
        if (rest > 0 && days == 0) parts.Add($"{rest} phút");
        return string.Join(" ", parts);
    }

    /// <summary>
    /// The job's name in the dashboard: what, for which period or activity, which campaign of which place
    /// ("Nhắc hạn (-30m) — Tuần 2 (04/3–08/3) — Tháng Thanh niên năm 2024, Cần Thơ"): several organisations may
    /// share one database and name their campaigns alike.
    /// </summary>
    public static string JobTitle(Campaign campaign, PlanTrigger trigger)
    {
        var period = campaign.Periods.FirstOrDefault(p => p.Id == trigger.PeriodId)?.Label;
        var of = CampaignOf(campaign);
        return trigger.Kind switch
        {
            PlanTriggerKind.Reminder => $"Nhắc hạn ({trigger.Offset}) — {period} — {of}",
            PlanTriggerKind.DeadlineAlert => $"Báo đơn vị chưa nộp — {period} — {of}",
            PlanTriggerKind.PostDeadline => $"Tổng hợp sau hạn — {period} — {of}",
            PlanTriggerKind.ActivityReminder =>
                $"Nhắc lịch hoạt động — {campaign.Activities.FirstOrDefault(a => a.Id == trigger.ActivityId)?.Title} — {of}",
            _ => trigger.Key,
        };
    }

    /// <summary>The dashboard name of the office's "send this summary now".</summary>
    public static string SummaryNowTitle(ReportingPeriod period, Campaign campaign) => $"Gửi tổng hợp ngay — {period.Label} — {CampaignOf(campaign)}";

    private static string CampaignOf(Campaign campaign) =>
        campaign.Organisation?.Place is { Length: > 0 } place ? $"{campaign.Name}, {place}" : campaign.Name;
}
