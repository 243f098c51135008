using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Core.Messaging;

/// <summary>How old a handled inbox or outbox row must be before <see cref="MessagePurge"/> deletes it.</summary>
public sealed record PurgeSettings(TimeSpan After);

/// <summary>What one purge run deleted.</summary>
public sealed record PurgeResult(int InboxDeleted, int OutboxDeleted);

/// <summary>
/// Deletes handled inbox and outbox rows older than Messaging:PurgeAfterDays, once a day. Kept whatever their age:
/// dead letters (the office has not decided about them), pending rows, and outbox rows with a dedup key
/// (reminders, alerts and leader posts: the proof that they went out, and what stops them from going out twice).
/// Safe to run on several hosts at once or more often than daily; scheduled in Scheduling/RecurringJobs.cs.
/// </summary>
public sealed class MessagePurge(YouthMonthDb db, TimeProvider clock, PurgeSettings settings, ILogger<MessagePurge> logger)
{
    /// <summary>Rows per DELETE: short transactions, so the inbox and outbox workers never wait long on a purge.</summary>
    public const int BatchSize = 5000;

    public async Task<PurgeResult> ExecuteAsync(CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow() - settings.After;
        var inbox = await DeleteInBatchesAsync(
            $"""
            DELETE FROM inbox WHERE id IN (
                SELECT id FROM inbox
                WHERE processed_at IS NOT NULL AND dead_lettered_at IS NULL AND processed_at < {cutoff}
                LIMIT {BatchSize})
            """, ct);
        var outbox = await DeleteInBatchesAsync(
            $"""
            DELETE FROM outbox WHERE id IN (
                SELECT id FROM outbox
                WHERE state <> {nameof(OutboxState.Pending)} AND dedup_key IS NULL AND created_at < {cutoff}
                LIMIT {BatchSize})
            """, ct);
        // Pacing rows of chats nobody was sent to for a day carry no budget any more.
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM send_pacing WHERE next_at < clock_timestamp() - interval '1 day'
                AND (recent IS NULL OR recent[cardinality(recent)] < clock_timestamp() - interval '1 day')
            """, ct);
        logger.LogInformation("Purged {Inbox} inbox and {Outbox} outbox rows handled before {Cutoff:u}", inbox, outbox, cutoff);
        return new PurgeResult(inbox, outbox);
    }

    private async Task<int> DeleteInBatchesAsync(FormattableString delete, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var n = await db.Database.ExecuteSqlInterpolatedAsync(delete, ct);
            total += n;
            if (n < BatchSize) return total;
        }
    }
}
