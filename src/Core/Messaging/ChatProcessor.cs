using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// Handles stored inbound messages: one chat at a time, in order, across any number of workers and hosts.
/// A chat is claimed with a transaction-scoped advisory lock; the message, the dialog's changes and the replies
/// commit in one transaction, so a crash in between leaves the message pending and nothing half-done.
/// </summary>
public sealed class ChatProcessor(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ChatProcessor> logger)
{
    /// <summary>After this many failures a message is set aside (with an apology to the chat) so the chat moves on.</summary>
    public const int MaxAttempts = 5;

    private sealed record Candidate(long Id, string Channel, string ChatId);

    /// <summary>Handles the oldest pending message of one chat; false when no chat has work that is free to take.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        // Columns by their snake_case names: the naming convention maps them to Candidate's properties.
        var candidates = await db.Database.SqlQuery<Candidate>($"""
            SELECT id, channel, chat_id FROM (
                SELECT DISTINCT ON (channel, chat_id) id, channel, chat_id
                FROM inbox WHERE processed_at IS NULL ORDER BY channel, chat_id, id) oldest
            ORDER BY id LIMIT 32
            """).ToListAsync(ct);

        foreach (var c in candidates)
        {
            var locked = await db.Database.SqlQuery<bool>(
                $"""SELECT pg_try_advisory_xact_lock(hashtextextended({c.Channel + ":" + c.ChatId}, 0)) AS "Value" """)
                .SingleAsync(ct);
            if (!locked) continue;

            // Another worker may have finished this chat's oldest message between the query and the lock.
            var row = await db.Inbox
                .FromSqlInterpolated($"""
                    SELECT * FROM inbox WHERE channel = {c.Channel} AND chat_id = {c.ChatId} AND processed_at IS NULL
                    ORDER BY id LIMIT 1 FOR UPDATE
                    """)
                .SingleOrDefaultAsync(ct);
            if (row is null) continue;

            try
            {
                await HandleAsync(scope.ServiceProvider, db, row, ct);
                await tx.CommitAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                await tx.RollbackAsync(CancellationToken.None);
                await RecordFailureAsync(row.Id, ex, ct);
            }
            return true;
        }
        return false;
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
            message = await media.StoreMediaAsync(message, ct);

        var chat = await db.ChatAccounts.FirstOrDefaultAsync(a => a.Channel == message.Channel && a.ChatId == message.ChatId, ct);
        if (chat is null)
        {
            chat = new ChatAccount { Channel = message.Channel, ChatId = message.ChatId, ChatType = message.ChatType, CreatedAt = now };
            db.ChatAccounts.Add(chat);
        }
        chat.UserId ??= message.UserId;
        chat.DisplayName = message.UserName ?? chat.DisplayName;
        chat.LastSeenAt = now;
        // A person writing to the bot can be reached again.
        chat.UnreachableSince = null;
        chat.UnreachableReason = null;
        await db.SaveChangesAsync(ct);

        var conversation = new Conversation(db, chat, message, now);
        await services.GetRequiredService<IMessageHandler>().HandleAsync(conversation, ct);

        foreach (var reply in conversation.Replies)
            Outbox.Add(db, chat.Channel, chat.ChatId, reply, now);
        row.ProcessedAt = now;
        row.Attempts++;
        await db.SaveChangesAsync(ct);
    }

    private async Task RecordFailureAsync(long inboxId, Exception ex, CancellationToken ct)
    {
        logger.LogError(ex, "Handling inbox message {InboxId} failed", inboxId);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
        var row = await db.Inbox.SingleAsync(r => r.Id == inboxId, ct);
        row.Attempts++;
        row.LastError = $"{ex.GetType().Name}: {ex.Message}";
        if (row.Attempts >= MaxAttempts)
        {
            var now = clock.GetUtcNow();
            row.ProcessedAt = now;
            Outbox.Add(db, row.Channel, row.ChatId, new OutgoingMessage
            {
                Text = MessagingTexts.Failed,
            }, now, dedupKey: $"inbox-failed:{inboxId}");
        }
        await db.SaveChangesAsync(ct);
    }
}
