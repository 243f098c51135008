using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>An inbound message that failed for good: what the office sees to decide whether to retry it.</summary>
public sealed record DeadLetter(
    long Id, Channel Channel, string ChatId, string? DisplayName, string? Text, int PhotoCount,
    DateTimeOffset ReceivedAt, DateTimeOffset DeadLetteredAt, int Attempts, string? LastError);

/// <summary>
/// Inbound messages <see cref="ChatProcessor"/> gave up on. They stay (the purge keeps them) until the office
/// retries them; a retried message is handled like a new one, before the chat's later pending messages.
/// </summary>
public static class DeadLetters
{
    public static async Task<(List<DeadLetter> Items, int Total)> ListAsync(YouthMonthDb db, int skip, int take, CancellationToken ct = default)
    {
        var query = db.Inbox.AsNoTracking().Where(i => i.DeadLetteredAt != null);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(i => i.DeadLetteredAt).ThenByDescending(i => i.Id).Skip(skip).Take(take)
            .Select(i => new
            {
                Row = i,
                Name = db.ChatAccounts.Where(a => a.Channel == i.Channel && a.ChatId == i.ChatId).Select(a => a.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return (rows.Select(r => ToDeadLetter(r.Row, r.Name)).ToList(), total);
    }

    /// <summary>Puts the message back in the queue with a fresh set of retries; false when there is no such dead letter.</summary>
    public static async Task<bool> RetryAsync(YouthMonthDb db, long id, CancellationToken ct = default) =>
        await db.Inbox.Where(i => i.Id == id && i.DeadLetteredAt != null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(i => i.DeadLetteredAt, (DateTimeOffset?)null)
                .SetProperty(i => i.ProcessedAt, (DateTimeOffset?)null)
                .SetProperty(i => i.NotBefore, (DateTimeOffset?)null)
                .SetProperty(i => i.Attempts, 0), ct) == 1;

    private static DeadLetter ToDeadLetter(InboxMessage row, string? name)
    {
        IncomingMessage? message = null;
        try { message = MessageJson.Deserialize<IncomingMessage>(row.Payload); }
        catch (System.Text.Json.JsonException) { }
        var text = message?.Text ?? message?.CallbackData;
        return new DeadLetter(row.Id, row.Channel, row.ChatId, name ?? message?.UserName,
            text is { Length: > 500 } ? text[..500] + "…" : text, message?.Photos.Count ?? 0,
            row.ReceivedAt, row.DeadLetteredAt!.Value, row.Attempts, row.LastError);
    }
}
