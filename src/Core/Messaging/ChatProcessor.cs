using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// Handles stored inbound messages: one chat at a time, in order, across any number of workers and hosts.
/// A chat is claimed with a transaction-scoped advisory lock; the message, the dialog's changes and the replies
/// commit in one transaction, so a crash in between leaves the message pending and nothing half-done.
/// A passing failure (network, 5xx, timeout, database) is retried after the delays of <see cref="InboxRetryPolicy"/>
/// while the chat's later messages wait behind it; a permanent one, or retries used up, dead-letters the message
/// (see <see cref="DeadLetters"/>) and tells the chat so that it moves on.
/// </summary>
public sealed class ChatProcessor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ChatProcessor> logger,
    InboxRetryPolicy? retryPolicy = null)
{
    /// <summary>Limits of the chat_accounts columns: a longer name or id from a platform is cut, not refused.</summary>
    public const int DisplayNameLimit = 200, UserIdLimit = 64;

    /// <summary>
    /// A wait from which the person is told their message is delayed. A photo's file server is not retried past it:
    /// the message goes on without that photo (≈ 6 s with the default delays, not the budget's ≈ 13 min), since
    /// the person is waiting for an answer, can send the photo again, and their later messages queue behind this one.
    /// </summary>
    public static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    private readonly InboxRetryPolicy _retry = retryPolicy ?? InboxRetryPolicy.Default;

    /// <summary>Handles the oldest pending message of one chat; false when no chat has work that is free to take.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();

        // One round trip (TurnStore): the oldest pending message of a chat no other worker holds — a walk of
        // ix_inbox_id in id order that stops after 32 chat heads, so it does not grow with the backlog
        // (docs/benchmarks.md, "inbox-e2e"), the chat's advisory lock, the row FOR UPDATE — and the savepoint
        // "handle" a failed attempt rolls back to. A chat whose oldest message waits for a retry is skipped whole.
        var row = await TurnStore.ClaimAsync(db, now, ct);
        if (row is null) return false;
        try
        {
            await HandleAsync(scope.ServiceProvider, db, row, ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await RecordFailureAsync(db, tx, row.Id, ex, ct);
        }
        return true;
    }

    /// <summary>Processes until no free work is left; returns how many messages were handled.</summary>
    public async Task<int> ProcessAllAsync(CancellationToken ct = default)
    {
        var n = 0;
        while (await ProcessNextAsync(ct)) n++;
        return n;
    }

    private async Task HandleAsync(IServiceProvider services, YouthMonthDb db, InboxMessage row, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var message = MessageJson.Deserialize<IncomingMessage>(row.Payload);
        if (services.GetService<IIncomingMediaStore>() is { } media && message.Photos.Count > 0)
            message = await media.StoreMediaAsync(message, _retry.DelayAfter(row.Attempts + 1) is not { } next || next >= LongWait, ct);

        // Savepoints around each SaveChanges cost two round trips apiece; a failure is rolled back to "handle" anyway.
        db.Database.AutoSavepointsEnabled = false;
        // Who the chat belongs to, its dialog state, the plan version and its unsent replies: one round trip.
        var (chat, prefetch) = await TurnStore.LoadChatAsync(db, message.Channel, message.ChatId, ct);
        if (chat is null)
        {
            chat = new ChatAccount { Channel = message.Channel, ChatId = message.ChatId, ChatType = message.ChatType, CreatedAt = now };
            db.ChatAccounts.Add(chat);
        }
        chat.UserId ??= Cut(message.UserId, UserIdLimit);
        chat.DisplayName = Cut(message.UserName, DisplayNameLimit) ?? chat.DisplayName;
        chat.LastSeenAt = now;
        // A person writing to the bot can be reached again.
        chat.UnreachableSince = null;
        chat.UnreachableReason = null;
        // A new chat needs its id before the dialogs run; a known one is updated with the turn's last SaveChanges.
        if (chat.Id == 0) await db.SaveChangesAsync(ct);

        var conversation = new Conversation(db, chat, message, now) { Prefetched = prefetch };
        await services.GetRequiredService<IMessageHandler>().HandleAsync(conversation, ct);

        var (dropped, told) = await Outbox.AddRepliesAsync(db, chat.Channel, chat.ChatId, conversation.Replies, now, ct,
            pendingAtStart: prefetch.PendingReplies);
        // Once per flood, not once per dropped reply: a flood must not fill the log either.
        if (told)
            logger.LogWarning("Chat {Channel}:{ChatId} has {Budget} unsent replies; dropping further replies until they are sent",
                chat.Channel, chat.ChatId, Outbox.ReplyBudgetPerChat);
        else if (dropped > 0)
            logger.LogDebug("Dropped {Dropped} reply(ies) to inbox message {InboxId} (reply budget)", dropped, row.Id);
        row.ProcessedAt = now;
        row.NotBefore = null;
        row.Attempts++;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Cuts at a character boundary that does not split a surrogate pair.</summary>
    private static string? Cut(string? text, int limit)
    {
        if (text is null || text.Length <= limit) return text;
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end];
    }

    /// <summary>
    /// Undoes the attempt (back to the savepoint, still holding the chat) and records it: a retry time, or the dead
    /// letter and an honest reply. When even that fails (the database is gone) the row stays as it was and is
    /// picked up again once the database answers.
    /// </summary>
    private async Task RecordFailureAsync(YouthMonthDb db, IDbContextTransaction tx, long inboxId, Exception ex, CancellationToken ct)
    {
        var transient = Faults.IsTransient(ex);
        try
        {
            db.ChangeTracker.Clear();
            await tx.RollbackToSavepointAsync("handle", ct);
            var row = await db.Inbox.SingleAsync(r => r.Id == inboxId, ct);
            var now = clock.GetUtcNow();
            row.Attempts++;
            row.LastError = Cut($"{ex.GetType().Name}: {ex.Message}", 2000);
            var delay = transient ? _retry.DelayAfter(row.Attempts) : null;
            if (delay is { } wait)
            {
                logger.LogWarning(ex, "Handling inbox message {InboxId} failed (attempt {Attempt}); next try in {Seconds}s",
                    inboxId, row.Attempts, wait.TotalSeconds);
                row.NotBefore = now + wait;
                // Said once, when the wait becomes noticeable: the message is kept, nothing to resend.
                if (wait >= LongWait)
                    await Outbox.TryEnqueueAsync(db, row.Channel, row.ChatId, new OutgoingMessage { Text = Texts.Delayed },
                        $"inbox-delayed:{inboxId}", now, ct);
            }
            else
            {
                logger.LogError(ex, "Inbox message {InboxId} failed for good after {Attempts} attempt(s) ({Kind}); dead-lettered",
                    inboxId, row.Attempts, transient ? "transient, retries used up" : "permanent");
                row.ProcessedAt = now;
                row.DeadLetteredAt = now;
                row.NotBefore = null;
                await Outbox.TryEnqueueAsync(db, row.Channel, row.ChatId, new OutgoingMessage { Text = Texts.DeadLettered },
                    $"inbox-dead:{inboxId}:{row.Attempts}", now, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception recordEx) when (recordEx is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Handling inbox message {InboxId} failed, and so did recording it ({Error}); it stays pending",
                inboxId, recordEx.Message);
        }
    }

    public static class Texts
    {
        public const string Delayed =
            "Hệ thống đang gặp sự cố tạm thời nên chưa xử lý được tin nhắn vừa rồi của bạn. Tin nhắn đã được lưu lại " +
            "và sẽ được tự động xử lý lại trong vài phút; bạn không cần gửi lại.";

        public const string DeadLettered =
            "Xin lỗi, hệ thống chưa xử lý được tin nhắn vừa rồi của bạn. Tin nhắn đã được lưu lại để văn phòng Đoàn " +
            "kiểm tra và xử lý lại. Nếu việc gấp, bạn vui lòng liên hệ trực tiếp văn phòng Đoàn.";
    }
}
