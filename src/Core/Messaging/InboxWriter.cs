using Microsoft.Extensions.Logging;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace YouthMonth.Core.Messaging;

/// <summary>
/// Group commit for inbound updates: the updates that arrive while an insert is in flight are written together by
/// the next one — one multi-row <c>INSERT … ON CONFLICT DO NOTHING</c>, one transaction, one WAL flush — instead of
/// one statement and one commit each. <see cref="StoreAsync"/> returns only after the statement holding ITS row has
/// committed, so a webhook's 200 still means "stored durably"; when that statement fails, every update of the batch
/// gets the exception (the webhook answers 503 and the platform redelivers; redeliveries still deduplicate on
/// (channel, update_key)). There is no timer: batches form only while the database is busy, so a lone update is
/// written at once (no added latency when traffic is light).
/// </summary>
public sealed class InboxWriter : IAsyncDisposable
{
    /// <summary>Rows per statement: bounded so one slow batch cannot hold hundreds of requests behind it.</summary>
    public const int MaxBatch = 256;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly ILogger<InboxWriter> _logger;
    private readonly System.Threading.Channels.Channel<Pending> _queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lazy<Task[]> _writers;

    /// <param name="writers">Statements in flight at once: two, so one batch gathers while the other commits.</param>
    public InboxWriter(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<InboxWriter> logger, int writers = 2)
    {
        _dataSource = dataSource;
        _clock = clock;
        _logger = logger;
        _writers = new(() => Enumerable.Range(0, Math.Max(1, writers)).Select(_ => Task.Run(WriteLoopAsync)).ToArray());
    }

    private sealed class Pending(Inbox.Row row) : TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Inbox.Row Row { get; } = row;
    }

    /// <summary>
    /// Stores the message durably; false when this update was already stored (a redelivery) or its chat id is
    /// unusable (see <see cref="Inbox.StoreAsync"/>). Cancelling stops the wait, not the write: the row may still be
    /// committed, which a redelivery then finds.
    /// </summary>
    public Task<bool> StoreAsync(string updateKey, IncomingMessage message, CancellationToken ct = default)
    {
        if (Inbox.Prepare(updateKey, message, _clock.GetUtcNow()) is not { } row) return Task.FromResult(false);
        _ = _writers.Value;
        var pending = new Pending(row);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(InboxWriter));
        return ct.CanBeCanceled ? pending.Task.WaitAsync(ct) : pending.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && reader.TryRead(out var p)) batch.Add(p);
                if (batch.Count > 0) await WriteAsync(batch);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        foreach (var p in batch) p.TrySetCanceled();
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var stored = await InsertWithDeadlockRetryAsync(batch);
            // Within one batch a key counts once, for its first request: the others are redeliveries of it.
            var seen = new HashSet<(string, string)>();
            foreach (var p in batch)
                p.TrySetResult(seen.Add((p.Row.Channel, p.Row.UpdateKey)) && stored.Contains((p.Row.Channel, p.Row.UpdateKey)));
        }
        catch (Exception e)
        {
            _logger.LogWarning("Storing {Count} inbound update(s) failed: {Error}", batch.Count, e.Message);
            var failure = new InboxUnavailableException(e);
            foreach (var p in batch) p.TrySetException(failure);
        }
    }

    /// <summary>
    /// Two batches holding the same redelivered keys in different orders can deadlock on the unique index; PostgreSQL
    /// then rolls one statement back whole, so running it again is safe (and its rows keep their order).
    /// </summary>
    private async Task<HashSet<(string, string)>> InsertWithDeadlockRetryAsync(List<Pending> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await InsertAsync(batch);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 4)
            {
                _logger.LogInformation("Inbox batch of {Count} deadlocked with another; retrying ({Attempt})", batch.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt * Random.Shared.Next(1, 4)), _stop.Token);
            }
        }
    }

    private async Task<HashSet<(string, string)>> InsertAsync(List<Pending> batch)
    {
        var n = batch.Count;
        var channels = new string[n];
        var keys = new string[n];
        var chats = new string[n];
        var payloads = new string[n];
        var received = new DateTimeOffset[n];
        for (var i = 0; i < n; i++)
        {
            var r = batch[i].Row;
            (channels[i], keys[i], chats[i], payloads[i], received[i]) = (r.Channel, r.UpdateKey, r.ChatId, r.Payload, r.ReceivedAt);
        }
        // Ids follow the order of arrival (ORDINALITY), which is the order a chat's messages are handled in.
        // Autocommit: the statement is its own transaction, committed before the reader returns.
        await using var cmd = _dataSource.CreateCommand("""
            INSERT INTO inbox (channel, update_key, chat_id, payload, received_at, attempts)
            SELECT c, k, chat, p::jsonb, r, 0
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[]) WITH ORDINALITY AS u(c, k, chat, p, r, n)
            ORDER BY n
            ON CONFLICT (channel, update_key) DO NOTHING
            RETURNING channel, update_key
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = channels, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = chats, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = payloads, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = received, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        var stored = new HashSet<(string, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(_stop.Token);
        while (await reader.ReadAsync(_stop.Token)) stored.Add((reader.GetString(0), reader.GetString(1)));
        return stored;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers.IsValueCreated) await Task.WhenAll(_writers.Value).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        await _stop.CancelAsync();
        while (_queue.Reader.TryRead(out var p)) p.TrySetCanceled();
        _stop.Dispose();
    }
}

/// <summary>The inbox could not be written (database unreachable, timeout): the update is not stored; ask for a redelivery.</summary>
public sealed class InboxUnavailableException(Exception inner) : Exception($"The inbox could not be written: {inner.Message}", inner);
