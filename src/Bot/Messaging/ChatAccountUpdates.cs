using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Bot.Messaging;

/// <summary>Changes to chat accounts that come from the platforms rather than from the dialogs.</summary>
public static class ChatAccountUpdates
{
    /// <summary>
    /// Telegram upgraded a group to a supergroup: the chat keeps its binding under the new id, and pending
    /// messages follow it. If the new id is known already, its account inherits the binding.
    /// </summary>
    public static async Task MigrateAsync(YouthMonthDb db, Channel channel, string oldChatId, string newChatId,
        DateTimeOffset now, CancellationToken ct)
    {
        var old = await db.ChatAccounts.FirstOrDefaultAsync(a => a.Channel == channel && a.ChatId == oldChatId, ct);
        var existing = await db.ChatAccounts.FirstOrDefaultAsync(a => a.Channel == channel && a.ChatId == newChatId, ct);
        if (old is not null && existing is null)
        {
            old.ChatId = newChatId;
        }
        else if (old is not null && existing is not null)
        {
            existing.LeaderChatId ??= old.LeaderChatId;
            existing.ContactId ??= old.ContactId;
            old.LeaderChatId = null;
            old.ContactId = null;
            old.UnreachableSince ??= now;
            old.UnreachableReason = $"Nhóm đã chuyển thành siêu nhóm {newChatId}";
        }
        await db.SaveChangesAsync(ct);
        await db.Outbox.Where(o => o.Channel == channel && o.ChatId == oldChatId && o.State == OutboxState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.ChatId, newChatId), ct);
    }

    public static async Task MarkUnreachableAsync(YouthMonthDb db, Channel channel, string chatId, string reason,
        DateTimeOffset now, CancellationToken ct)
    {
        var account = await db.ChatAccounts.FirstOrDefaultAsync(a => a.Channel == channel && a.ChatId == chatId, ct);
        if (account is null) return;
        account.UnreachableSince ??= now;
        account.UnreachableReason = reason.Length > 300 ? reason[..300] : reason;
    }
}
