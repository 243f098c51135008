using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Summaries;

/// <summary>
/// Summaries for leader chats. The /summary command uses it, and the scheduler's post after a period's deadline
/// can call <see cref="PeriodMessagesAsync"/> (one outbox row per message, dedup key suffixed with the index) or
/// <see cref="PeriodTextAsync"/> (one text; the sender splits it on lines).
/// </summary>
public static class LeaderSummaries
{
    public const string Refusal =
        "Xin lỗi, lệnh /tonghop (/summary) chỉ dùng được trong nhóm lãnh đạo đã đăng ký với hệ thống, nên ở đây " +
        "mình không gửi số liệu. Nếu đây là nhóm Ban Thường vụ, vui lòng nhờ văn phòng Đoàn gửi mã mời cho nhóm. " +
        "Đơn vị muốn xem tình trạng báo cáo của mình thì gõ /trangthai.";

    /// <summary>The active leader chat this chat account speaks for, or null (then only a refusal may be sent).</summary>
    public static async Task<Plan.LeaderChat?> AuthorisedLeaderChatAsync(YouthMonthDb db, ChatAccount chat, CancellationToken ct) =>
        chat.LeaderChatId is { } id
            ? await db.LeaderChats.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.Active, ct)
            : null;

    /// <summary>The chat text of one period's summary for a leader chat; null when the period is not of its organisation.</summary>
    public static async Task<string?> PeriodTextAsync(YouthMonthDb db, int leaderChatId, int periodId, DateTimeOffset now,
        CancellationToken ct = default) =>
        await PeriodSummaryAsync(db, leaderChatId, periodId, now, ct) is { } summary ? SummaryText.Render(summary) : null;

    /// <summary>The same summary as ready-to-send messages for <paramref name="channel"/> (text parts, then highlight photos).</summary>
    public static async Task<IReadOnlyList<OutgoingMessage>> PeriodMessagesAsync(YouthMonthDb db, int leaderChatId, int periodId,
        Channel channel, DateTimeOffset now, CancellationToken ct = default) =>
        await PeriodSummaryAsync(db, leaderChatId, periodId, now, ct) is { } summary
            ? SummaryText.Messages(summary, SummaryText.LimitFor(channel))
            : [];

    private static async Task<CampaignSummary?> PeriodSummaryAsync(YouthMonthDb db, int leaderChatId, int periodId, DateTimeOffset now,
        CancellationToken ct)
    {
        var campaignId = await (
            from p in db.Periods
            join c in db.Campaigns on p.CampaignId equals c.Id
            join l in db.LeaderChats on c.OrganisationId equals l.OrganisationId
            where p.Id == periodId && l.Id == leaderChatId && l.Active
            select (int?)c.Id).FirstOrDefaultAsync(ct);
        return campaignId is { } id ? await SummaryQuery.ComputeAsync(db, id, periodId, now, ct) : null;
    }
}
