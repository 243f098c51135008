using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Summaries;

public enum ReviewDecision { Accepted, Returned }

/// <summary>
/// The office's review of a report: accepted, or returned with a reason. Returning tells every chat bound to
/// an active contact of the unit, through the outbox, what to fix. The report keeps counting in summaries
/// (it was sent); the dialogs set it back to Pending when the unit sends it again.
/// </summary>
public static class ReportReview
{
    public const int MaxReasonLength = 2000;

    public sealed record Outcome(Report? Report, FieldErrors Errors, bool NotFound, string? Conflict, int Notified);

    public static async Task<Outcome> ReviewAsync(YouthMonthDb db, int reportId, ReviewDecision? decision, string? reason,
        string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        reason = VietnameseText.Clean(reason);
        if (decision is null) errors.Add("decision", "Chọn Accepted (chấp nhận) hoặc Returned (trả lại).");
        if (decision == ReviewDecision.Returned && string.IsNullOrEmpty(reason))
            errors.Add("reason", "Khi trả lại báo cáo, hãy ghi rõ đơn vị cần sửa gì (ví dụ: \"Thiếu ảnh hoạt động ngày 08/3\").");
        if (reason?.Length > MaxReasonLength) errors.Add("reason", $"Lý do tối đa {MaxReasonLength} ký tự.");
        if (errors.Any) return new(null, errors, false, null, 0);

        var report = await db.Reports.Include(r => r.Period).Include(r => r.Unit).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null) return new(null, errors, true, null, 0);
        if (report.Status == ReportStatus.Draft)
            return new(report, errors, false, "Báo cáo này chưa được gửi (đang là bản nháp) nên chưa duyệt được.", 0);

        report.Review = decision == ReviewDecision.Accepted ? ReviewStatus.Accepted : ReviewStatus.Returned;
        report.ReviewReason = reason is { Length: > 0 } ? reason : null;
        report.ReviewedAt = now;
        db.ReportAudits.Add(new ReportAudit
        {
            ReportId = report.Id, At = now, Actor = actor,
            Action = report.Review == ReviewStatus.Accepted ? "Chấp nhận báo cáo" : Shorten($"Trả lại báo cáo: {reason}", 200),
        });

        var notified = 0;
        if (report.Review == ReviewStatus.Returned)
        {
            var chats = await (
                from a in db.ChatAccounts
                join c in db.Contacts on a.ContactId equals c.Id
                where c.UnitId == report.UnitId && c.Active
                select new { a.Channel, a.ChatId }).Distinct().ToListAsync(ct);
            var text = ReturnedText(report.Unit!, report.Period!, reason!);
            foreach (var chat in chats)
            {
                Outbox.Add(db, chat.Channel, chat.ChatId, new OutgoingMessage { Text = text }, now,
                    dedupKey: $"review-returned:{report.Id}:{now.ToUnixTimeMilliseconds()}:{chat.Channel}:{chat.ChatId}");
                notified++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new(report, errors, false, null, notified);
    }

    public static string ReturnedText(Unit unit, ReportingPeriod period, string reason) =>
        $"📝 Báo cáo {period.Label} của {unit.Name} được văn phòng Đoàn trả lại để bổ sung.\n" +
        $"Cần sửa: {reason}\n" +
        "Bạn vui lòng gõ /sua để sửa báo cáo rồi gửi lại. Cảm ơn bạn!";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
