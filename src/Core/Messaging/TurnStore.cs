using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// The SQL of a dialog turn's hot path, in plain Npgsql batches on the turn's own EF connection and transaction.
/// Why not EF queries: on this path every round trip is paid once per message, and EF cannot put several queries,
/// or a query and a SAVEPOINT, into one round trip. A turn is: (1) BEGIN + the claim (one statement, migration
/// 0791) + SAVEPOINT; (2) the chat with its contact, unit and leader chat, the dialog state, the plan version and
/// the chat's unsent replies; then whatever the dialog itself reads; then EF's SaveChanges batch and COMMIT. The
/// rows come back as tracked entities (<see cref="EntityRows"/>), so the dialogs and SaveChanges see no difference.
/// </summary>
internal static class TurnStore
{
    /// <summary>What the turn's second round trip read besides the chat, for the dialog and the reply budget.</summary>
    internal sealed class Prefetch
    {
        /// <summary>The chat's saved dialog state (attached), or null when it has none yet.</summary>
        public DialogState? State { get; init; }
        /// <summary>The chat's pending outbox rows when the turn began.</summary>
        public int PendingReplies { get; init; }
    }

    /// <summary>
    /// Claims the oldest pending message of a chat no one else holds (the chat's advisory lock, the row FOR UPDATE)
    /// and sets the savepoint "handle" a failed attempt rolls back to. Null when no chat has work free to take.
    /// </summary>
    public static async Task<InboxMessage?> ClaimAsync(YouthMonthDb db, DateTimeOffset now, CancellationToken ct)
    {
        await using var batch = Batch(db,
            // The model's columns, not *: a prepared statement's result type then does not change with the table.
            new NpgsqlBatchCommand($"SELECT {EntityRows.Columns<InboxMessage>(db, "i")} FROM inbox_claim($1) i") { Parameters = { new() { Value = now } } },
            new NpgsqlBatchCommand("SAVEPOINT handle"));
        InboxMessage? row;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
            row = await reader.ReadAsync(ct) ? EntityRows.Read<InboxMessage>(db, reader, "i_") : null;
        if (row is not null) db.Inbox.Attach(row);
        return row;
    }

    /// <summary>
    /// The chat (attached, with its contact, the contact's unit and its leader chat), its dialog state and the
    /// chat's pending replies, and the plan version for <see cref="PlanCache"/>, in one round trip. The chat is
    /// null when the platform's chat is new.
    /// </summary>
    public static async Task<(ChatAccount? Chat, Prefetch Prefetch)> LoadChatAsync(YouthMonthDb db, Channel channel, string chatId, CancellationToken ct)
    {
        var key = new[] { new NpgsqlParameter { Value = channel.ToString() }, new NpgsqlParameter { Value = chatId } };
        await using var batch = Batch(db,
            new NpgsqlBatchCommand($"""
                SELECT {EntityRows.Columns<ChatAccount>(db, "a")}, {EntityRows.Columns<Contact>(db, "c")},
                       {EntityRows.Columns<Unit>(db, "u")}, {EntityRows.Columns<LeaderChat>(db, "l")}
                FROM chat_accounts a
                LEFT JOIN contacts c ON c.id = a.contact_id LEFT JOIN units u ON u.id = c.unit_id
                LEFT JOIN leader_chats l ON l.id = a.leader_chat_id
                WHERE a.channel = $1 AND a.chat_id = $2
                """) { Parameters = { key[0], key[1] } },
            new NpgsqlBatchCommand($"""
                SELECT v.value AS plan_version, {EntityRows.Columns<DialogState>(db, "d")}
                FROM plan_version v LEFT JOIN dialog_states d
                  ON d.chat_account_id = (SELECT id FROM chat_accounts WHERE channel = $1 AND chat_id = $2)
                """) { Parameters = { key[0].Clone(), key[1].Clone() } },
            new NpgsqlBatchCommand($"SELECT count(*)::int FROM outbox WHERE channel = $1 AND chat_id = $2 AND state = '{nameof(OutboxState.Pending)}'")
                { Parameters = { key[0].Clone(), key[1].Clone() } });

        ChatAccount? chat = null;
        DialogState? state = null;
        int pending;
        await using (var reader = await batch.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                chat = EntityRows.Read<ChatAccount>(db, reader, "a_")!;
                chat.Contact = EntityRows.Read<Contact>(db, reader, "c_");
                if (chat.Contact is not null) chat.Contact.Unit = EntityRows.Read<Unit>(db, reader, "u_");
                chat.LeaderChat = EntityRows.Read<LeaderChat>(db, reader, "l_");
            }
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            PlanCache.UseVersion(db, reader.GetInt64(reader.GetOrdinal("plan_version")));
            state = EntityRows.Read<DialogState>(db, reader, "d_");
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            pending = reader.GetInt32(0);
        }
        if (chat is not null)
        {
            db.ChatAccounts.Attach(chat);
            // As if EF had loaded them with Include: nobody loads them again.
            db.Entry(chat).Reference(a => a.Contact).IsLoaded = true;
            db.Entry(chat).Reference(a => a.LeaderChat).IsLoaded = true;
            if (chat.Contact is not null) db.Entry(chat.Contact).Reference(c => c.Unit).IsLoaded = true;
        }
        if (state is not null) db.DialogStates.Attach(state);
        return (chat, new Prefetch { State = state, PendingReplies = pending });
    }

    private static NpgsqlBatch Batch(YouthMonthDb db, params NpgsqlBatchCommand[] commands)
    {
        var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(),
            (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        foreach (var c in commands) batch.BatchCommands.Add(c);
        return batch;
    }
}
