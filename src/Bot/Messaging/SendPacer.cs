using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// One channel's limits: a global rate per bot token (Telegram ≈ 30/s), a minimum gap per chat (1 s) and a budget
/// per group chat per minute (20). <see cref="Scope"/> names the token ("telegram:123456" — the bot id, never the
/// secret part), so instances with the same token share one budget.
/// </summary>
public sealed record PacingLimits(string Scope, double MessagesPerSecond, TimeSpan PerChatInterval, int GroupMessagesPerMinute)
{
    /// <summary>
    /// The scope of a "{bot id}:{secret}" token: the channel and the bot id (public: it is the bot's user id). A token
    /// of another shape gives "-": the secret must never reach the database or a log.
    /// </summary>
    public static string ScopeOf(string channel, string? token)
    {
        var colon = token?.IndexOf(':') ?? -1;
        var id = colon is > 0 and <= 40 && token![..colon].All(char.IsAsciiDigit) ? token[..colon] : "-";
        return $"{channel.ToLowerInvariant()}:{id}";
    }

    public string ChatKey(string chatId) => $"{Scope}:chat:{chatId}";
}

/// <summary>
/// Pacing shared by every Bot instance through the send_pacing table: a send reserves its slot (per chat, per
/// group, per token) in a short transaction of its own, so two instances never together exceed what one may
/// send. After the platform answered, the chat's next slot is pushed to at least "answer + gap", so the gap holds
/// at the platform even when a request was slow. A 429 moves the token's next slot past retry_after for all.
/// The database's clock decides (one clock for every host); null limits (the local chat) are not paced.
/// </summary>
public sealed class SendPacer(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan GroupWindow = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Takes the next global slot for a message to this chat; returns how long to wait for it, or null (nothing
    /// reserved) when the chat's gap or the group's budget says not yet.
    /// </summary>
    public Task<TimeSpan?> ReserveAsync(PacingLimits? limits, string chatId, bool isGroup, CancellationToken ct) =>
        limits is null ? Task.FromResult<TimeSpan?>(TimeSpan.Zero) : ReserveAsync(limits, limits.ChatKey(chatId), isGroup ? limits.GroupMessagesPerMinute : 0, ct);

    /// <summary>A further part of the same message: a global slot only.</summary>
    public async Task<TimeSpan> ReserveGlobalAsync(PacingLimits? limits, CancellationToken ct) =>
        limits is null ? TimeSpan.Zero : (await ReserveAsync(limits, null, 0, ct))!.Value;

    private async Task<TimeSpan?> ReserveAsync(PacingLimits limits, string? chatKey, int groupLimit, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT wait_seconds FROM send_pacing_reserve($1, $2, $3, $4, $5, $6)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = limits.Scope });
        cmd.Parameters.Add(new NpgsqlParameter { Value = TimeSpan.FromSeconds(1 / limits.MessagesPerSecond) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)chatKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limits.PerChatInterval });
        cmd.Parameters.Add(new NpgsqlParameter { Value = groupLimit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = GroupWindow });
        return await cmd.ExecuteScalarAsync(ct) is double seconds ? TimeSpan.FromSeconds(seconds) : null;
    }

    /// <summary>
    /// The platform answered: the chat's next send (and the group's window entry) counts from now, not from the
    /// reserved slot, so a slow request cannot bring two sends to one chat closer than the gap.
    /// </summary>
    public async Task SentAsync(PacingLimits? limits, string chatId, CancellationToken ct)
    {
        if (limits is null) return;
        await using var cmd = dataSource.CreateCommand(SentSql);
        AddSentParameters(cmd, limits, chatId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The same, in the caller's transaction (the sender's claim, committed right after): the chat's row stays locked
    /// only until that commit, and a send costs one commit instead of two.
    /// </summary>
    public async Task SentAsync(PacingLimits? limits, string chatId, YouthMonthDb db, CancellationToken ct)
    {
        if (limits is null) return;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var cmd = new NpgsqlCommand(SentSql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
        AddSentParameters(cmd, limits, chatId);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private const string SentSql = """
        UPDATE send_pacing SET next_at = greatest(next_at, clock_timestamp() + $2),
            recent = CASE WHEN cardinality(recent) > 0
                THEN recent[1:cardinality(recent) - 1] || greatest(recent[cardinality(recent)], clock_timestamp()) END
        WHERE key = $1
        """;

    private static void AddSentParameters(NpgsqlCommand cmd, PacingLimits limits, string chatId)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = limits.ChatKey(chatId) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limits.PerChatInterval });
    }

    /// <summary>A 429: no instance sends with this token before now + <paramref name="duration"/>.</summary>
    public async Task PauseAsync(PacingLimits? limits, TimeSpan duration, CancellationToken ct)
    {
        if (limits is null) return;
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO send_pacing (key, next_at) VALUES ($1, clock_timestamp() + $2)
            ON CONFLICT (key) DO UPDATE SET next_at = greatest(send_pacing.next_at, excluded.next_at)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = limits.Scope });
        cmd.Parameters.Add(new NpgsqlParameter { Value = duration });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
