using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Scheduling;
using YouthMonth.Core.Tests.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Scheduling;

/// <summary>
/// Both sample plans in a fresh database, every contact and leader chat bound to a local chat
/// ("c{contactId}", "l{leaderChatId}"), and a fake clock in the organisations' zone.
/// </summary>
public sealed class SchedulingWorld : IAsyncDisposable
{
    public static readonly TimeZoneInfo Zone = VietnamTime.Zone();
    public required TestDatabase Database { get; init; }
    public TestClock Clock { get; } = new();
    public required Campaign CanTho { get; init; }
    public required Campaign TanPhu { get; init; }

    public static async Task<SchedulingWorld> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        Campaign Import(string file) => PlanImporter.ImportAsync(db, SampleFiles.Load(file)).GetAwaiter().GetResult();
        var canTho = Import("cantho-2024.json");
        var tanPhu = Import("tanphu-2023.json");
        var created = DateTimeOffset.UtcNow;
        foreach (var contact in await db.Contacts.ToListAsync())
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Local, ChatId = $"c{contact.Id}", ContactId = contact.Id, CreatedAt = created });
        foreach (var leaders in await db.LeaderChats.ToListAsync())
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Local, ChatId = $"l{leaders.Id}", ChatType = ChatType.Group, LeaderChatId = leaders.Id, CreatedAt = created });
        await db.SaveChangesAsync();
        return new SchedulingWorld { Database = database, CanTho = canTho, TanPhu = tanPhu };
    }

    public YouthMonthDb Db(params IInterceptor[] interceptors)
    {
        var options = CoreServices.ConfigureDb(new DbContextOptionsBuilder<YouthMonthDb>(), Database.DataSource);
        if (interceptors.Length > 0) options.AddInterceptors(interceptors);
        return new YouthMonthDb((DbContextOptions<YouthMonthDb>)options.Options);
    }

    public ReportingPeriod Week(Campaign campaign, int number) => campaign.Periods.Single(p => p.Number == number);

    /// <summary>What a scheduler tick at this local time does for the campaign.</summary>
    public async Task<int> TickAsync(Campaign campaign, DateTime local, YouthMonthDb? db = null)
    {
        Clock.SetUtcNow(VietnamTime.ToUtc(local, Zone));
        if (db is not null) return await new ScheduledSends(db, Clock).RunDueAsync(campaign.Id);
        await using var own = Db();
        return await new ScheduledSends(own, Clock).RunDueAsync(campaign.Id);
    }

    public sealed record Sent(string ChatId, string Text, string DedupKey, DateTimeOffset CreatedAt);

    public async Task<List<Sent>> OutboxAsync(string dedupPrefix = "")
    {
        await using var db = Db();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.DedupKey!.StartsWith(dedupPrefix)).OrderBy(o => o.Id).ToListAsync();
        return [.. rows.Select(r => new Sent(r.ChatId, MessageJson.Deserialize<OutgoingMessage>(r.Payload).Text, r.DedupKey!, r.CreatedAt))];
    }

    public async Task<List<Contact>> ContactsAsync(Campaign campaign)
    {
        await using var db = Db();
        return await db.Contacts.AsNoTracking().Include(c => c.Unit)
            .Where(c => c.Unit!.OrganisationId == campaign.OrganisationId && c.Active && c.Unit.Active).OrderBy(c => c.Id).ToListAsync();
    }

    public async Task ReportAsync(ReportingPeriod period, int unitId, ReportStatus status)
    {
        await using var db = Db();
        db.Reports.Add(new Report { PeriodId = period.Id, UnitId = unitId, Status = status, CreatedAt = Clock.GetUtcNow(), SubmittedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}

/// <summary>Stands in for a process killed mid fan-out: the connection fails after <paramref name="inserts"/> outbox inserts.</summary>
public sealed class CrashAfterOutboxInserts(int inserts) : DbCommandInterceptor
{
    private int _seen;

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command,
        CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (command.CommandText.Contains("INSERT INTO outbox", StringComparison.Ordinal) && ++_seen > inserts)
            throw new IOException("simulated crash: the host died here");
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }
}
