using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>A chat bound to a contact or a leader chat, as the office sees it before unbinding it.</summary>
public sealed record BoundChat(
    int Id, Channel Channel, string ChatId, ChatType ChatType, string? DisplayName, int? ContactId, int? LeaderChatId,
    DateTimeOffset CreatedAt, DateTimeOffset? BoundAt, DateTimeOffset? LastSeenAt, DateTimeOffset? UnreachableSince);

/// <summary>One row of the binding trail (<see cref="ChatBindingAudit"/>).</summary>
public sealed record ChatBindingEntry(
    long Id, DateTimeOffset At, ChatBindingAction Action, int ChatAccountId, Channel Channel, string ChatId,
    string? DisplayName, int? ContactId, int? LeaderChatId, string? Subject, string Actor, string? Reason);

public enum UnbindOutcome { Unbound, NotFound, NotBound }

/// <summary>
/// Which chats speak for a contact or a leader group, and taking that away again. A stranger who got hold of an
/// invite code, or a secretary's old phone, keeps reporting for the unit until the office unbinds the chat; the
/// admin API and the office web app both come through here so that every unbinding leaves the same audit row and
/// the chat is told the same thing.
/// </summary>
public static class ChatUnbinding
{
    public const int ActorLimit = 200, ReasonLimit = 500, SubjectLimit = 300;

    public static Task<List<BoundChat>> ListForContactAsync(YouthMonthDb db, int contactId, CancellationToken ct = default) =>
        List(db, db.ChatAccounts.Where(a => a.ContactId == contactId), ct);

    public static Task<List<BoundChat>> ListForLeaderChatAsync(YouthMonthDb db, int leaderChatId, CancellationToken ct = default) =>
        List(db, db.ChatAccounts.Where(a => a.LeaderChatId == leaderChatId), ct);

    private static Task<List<BoundChat>> List(YouthMonthDb db, IQueryable<ChatAccount> chats, CancellationToken ct) =>
        chats.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => new BoundChat(a.Id, a.Channel, a.ChatId, a.ChatType, a.DisplayName, a.ContactId, a.LeaderChatId, a.CreatedAt,
                db.ChatBindingAudit.Where(x => x.ChatAccountId == a.Id && x.Action == ChatBindingAction.Bound)
                    .Max(x => (DateTimeOffset?)x.At),
                a.LastSeenAt, a.UnreachableSince))
            .ToListAsync(ct);

    /// <summary>
    /// Unbinds the chat from its contact or leader chat, ends any dialog it was in, writes the audit row and tells
    /// the chat (unless the platform already refuses it), all in one transaction. The chat is locked like
    /// <see cref="ChatProcessor"/> locks it, so a message being handled meanwhile is finished first.
    /// </summary>
    public static async Task<UnbindOutcome> UnbindAsync(YouthMonthDb db, int chatAccountId, string actor, string? reason,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var key = await db.ChatAccounts.Where(a => a.Id == chatAccountId)
            .Select(a => new { a.Channel, a.ChatId }).FirstOrDefaultAsync(ct);
        if (key is null) return UnbindOutcome.NotFound;

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({key.Channel.ToString() + ":" + key.ChatId}, 0))", ct);
            var chat = await db.ChatAccounts.Include(a => a.Contact).ThenInclude(c => c!.Unit).Include(a => a.LeaderChat)
                .SingleAsync(a => a.Id == chatAccountId, ct);
            if (chat.ContactId is null && chat.LeaderChatId is null) return UnbindOutcome.NotBound;

            var subject = Subject(chat);
            db.ChatBindingAudit.Add(Entry(chat, ChatBindingAction.Unbound, actor, reason, now));
            chat.ContactId = null;
            chat.Contact = null;
            chat.LeaderChatId = null;
            chat.LeaderChat = null;
            // A half-written report belongs to the unit, not to whoever holds the chat next.
            await db.DialogStates.Where(s => s.ChatAccountId == chat.Id).ExecuteDeleteAsync(ct);
            if (chat.UnreachableSince is null)
                Outbox.Add(db, chat.Channel, chat.ChatId, new OutgoingMessage { Text = Texts.Unbound(subject) }, now);
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return UnbindOutcome.Unbound;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The trail, newest first, optionally for one contact, leader chat or chat.</summary>
    public static async Task<(List<ChatBindingEntry> Items, int Total)> ListAuditAsync(YouthMonthDb db,
        int? contactId, int? leaderChatId, int? chatAccountId, int skip, int take, CancellationToken ct = default)
    {
        var query = db.ChatBindingAudit.AsNoTracking();
        if (contactId is { } c) query = query.Where(x => x.ContactId == c);
        if (leaderChatId is { } l) query = query.Where(x => x.LeaderChatId == l);
        if (chatAccountId is { } a) query = query.Where(x => x.ChatAccountId == a);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(x => x.At).ThenByDescending(x => x.Id).Skip(skip).Take(take)
            .Select(x => new ChatBindingEntry(x.Id, x.At, x.Action, x.ChatAccountId, x.Channel, x.ChatId, x.DisplayName,
                x.ContactId, x.LeaderChatId, x.Subject, x.Actor, x.Reason))
            .ToListAsync(ct);
        return (items, total);
    }

    /// <summary>An audit row for <paramref name="chat"/> as it is bound now (call before clearing it when unbinding).</summary>
    public static ChatBindingAudit Entry(ChatAccount chat, ChatBindingAction action, string actor, string? reason, DateTimeOffset now) => new()
    {
        At = now,
        Action = action,
        ChatAccountId = chat.Id,
        Channel = chat.Channel,
        ChatId = chat.ChatId,
        DisplayName = chat.DisplayName,
        ContactId = chat.ContactId,
        LeaderChatId = chat.LeaderChatId,
        Subject = Cut(Subject(chat), SubjectLimit),
        Actor = Cut(actor, ActorLimit)!,
        Reason = Cut(string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), ReasonLimit),
    };

    /// <summary>"Nguyễn Thị Lan (Chi đoàn A)", or the leader chat's name.</summary>
    public static string Subject(ChatAccount chat) =>
        chat.Contact is { } c ? (c.Unit is { } u ? $"{c.Name} ({u.Name})" : c.Name)
        : chat.LeaderChat?.Name ?? (chat.ContactId is { } id ? $"#{id}" : $"nhóm #{chat.LeaderChatId}");

    /// <summary>"Telegram", "Zalo", "trò chuyện thử" — how a chat is named to the people in it.</summary>
    public static string ChannelName(Channel channel) => channel switch
    {
        Channel.Telegram => "Telegram",
        Channel.Zalo => "Zalo",
        _ => "trò chuyện thử",
    };

    private static string? Cut(string? text, int limit)
    {
        if (text is null || text.Length <= limit) return text;
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end];
    }

    public static class Texts
    {
        public static string Unbound(string subject) =>
            $"Văn phòng Đoàn đã huỷ liên kết cuộc trò chuyện này với {subject}. Từ nay bot không nhận báo cáo từ đây nữa. " +
            "Nếu bạn vẫn phụ trách báo cáo, hãy liên hệ văn phòng Đoàn để nhận mã mời mới.";

        public static string AnotherChatBound(string subject, Channel channel, string? displayName) =>
            $"Lưu ý: một tài khoản {ChannelName(channel)}{(string.IsNullOrWhiteSpace(displayName) ? "" : $" tên \"{displayName}\"")} " +
            $"vừa đăng ký báo cáo cho {subject}. Nếu đó là bạn hoặc người bạn biết thì không cần làm gì. " +
            "Nếu không, hãy báo ngay văn phòng Đoàn để huỷ liên kết của tài khoản đó.";

        public static string AnotherGroupBound(string subject, Channel channel, string? displayName) =>
            $"Lưu ý: một nhóm {ChannelName(channel)} khác{(string.IsNullOrWhiteSpace(displayName) ? "" : $" (\"{displayName}\")")} " +
            $"vừa đăng ký làm nhóm \"{subject}\" và sẽ nhận các bản tổng hợp. Nếu không phải do các anh chị sắp xếp, " +
            "hãy báo ngay văn phòng Đoàn để huỷ liên kết của nhóm đó.";
    }
}
