using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Scheduling;

/// <summary>
/// The real Hangfire server on PostgreSQL inside the Bot host, with the plan tick every 2 s instead of every
/// minute: the Cần Thơ sample with week 2 moved so that a "-30m" reminder is due, every contact bound to a local chat.
/// </summary>
public sealed class HangfireSchedulingTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _campaignId;
    private int _weekId;
    private List<int> _contactIds = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.CreateDbContext();
        var campaign = await PlanImporter.ImportAsync(db, SamplePlans.Load(SamplePlans.CanTho));
        _campaignId = campaign.Id;
        _weekId = campaign.Periods.Single(p => p.Number == 2).Id;
        _contactIds = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        foreach (var id in _contactIds)
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Local, ChatId = $"c{id}", ContactId = id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private async Task SetDeadlineAsync(DateTimeOffset deadlineUtc, params string[] offsets)
    {
        await using var db = _db.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == _campaignId);
        campaign.Reminders = new ReminderPolicy
        {
            Offsets = [.. offsets], NotifyLeadersAtDeadline = false, PostSummaryAfterDeadline = false, RemindActivitiesDayBefore = false,
        };
        await db.SaveChangesAsync();
        await db.Periods.Where(p => p.Id == _weekId).ExecuteUpdateAsync(u => u.SetProperty(p => p.DeadlineUtc, deadlineUtc));
    }

    private BotApp NewApp() => new BotApp(_db) { Settings = { ["Scheduling:Enabled"] = "true" } }.WithFastScheduling();

    private static bool IsError(string line) => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal);

    [Fact]
    public async Task Two_servers_on_one_database_send_every_reminder_exactly_once()
    {
        // The reminder is due 4 s from now (deadline in 30 min 4 s, reminder "-30m").
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(4);
        await SetDeadlineAsync(deadline, "-30m");
        await using var first = NewApp().Start();
        await using var second = NewApp().Start();

        await first.WaitForAsync(db => db.Outbox.CountAsync(o => o.DedupKey!.StartsWith($"remind:{_weekId}:") && o.State == OutboxState.Sent),
            n => n == _contactIds.Count, timeoutMs: 45_000);
        await first.WaitForAsync(db => db.ScheduledRuns.CountAsync(), n => n == 1);
        await Task.Delay(4000); // two more ticks on each server: a second hand-over, had there been one, would have run

        await using var db = first.Db();
        var perChat = await db.Outbox.Where(o => o.DedupKey!.StartsWith("remind:")).GroupBy(o => o.ChatId)
            .Select(g => new { Chat = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(_contactIds.Select(id => $"c{id}").Order(), perChat.Select(p => p.Chat).Order());
        Assert.All(perChat, p => Assert.Equal(1, p.Count));
        var logs = first.Logs.Lines.Concat(second.Logs.Lines).ToList();
        Assert.Single(logs, l => l.Contains("messages enqueued", StringComparison.Ordinal));
        Assert.Equal(1, await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM scheduled_dispatches").SingleAsync());
        Assert.Equal("", string.Join("\n", logs.Where(IsError)));
        Assert.Contains($"Hạn chót {VietnamTime.FormatDeadline(VietnamTime.ToLocal(deadline, VietnamTime.Zone()))}",
            (await first.SentTextsAsync(Channel.Local, $"c{_contactIds[0]}")).Single());
    }

    [Fact]
    public async Task A_host_that_dies_mid_fan_out_is_restarted_and_every_reminder_goes_out_exactly_once()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(2);
        await SetDeadlineAsync(deadline, "-30m");
        await using (var dying = NewApp())
        {
            // Its database connection fails after 10 outbox inserts: what a process killed mid fan-out leaves behind.
            dying.TestServices = s => s.ConfigureDbContext<YouthMonth.Core.Persistence.YouthMonthDb>(o => o.AddInterceptors(new DiesAfterOutboxInserts(10)));
            dying.Start();
            await dying.WaitForAsync(db => db.Outbox.CountAsync(), n => n == 10, timeoutMs: 45_000);
            // The send job failed on the simulated crash.
            await dying.WaitForAsync(db => db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE statename = 'Failed'").SingleAsync(),
                n => n >= 1, timeoutMs: 30_000);
        }
        await using (var check = _db.CreateDbContext())
        {
            Assert.Equal(10, await check.Outbox.CountAsync());
            Assert.Equal(0, await check.ScheduledRuns.CountAsync());
        }

        // The next host's tick finds the trigger handed over to a failed job and hands it over again.
        await using var restarted = NewApp().Start();
        try { await restarted.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == _contactIds.Count, timeoutMs: 45_000); }
        catch (TimeoutException e)
        {
            await using var d = restarted.Db();
            var states = await d.Database.SqlQuery<string>($"SELECT id::text || ' ' || coalesce(statename,'-') AS \"Value\" FROM hangfire.job ORDER BY id").ToListAsync();
            var disp = await d.Database.SqlQuery<string>($"SELECT key || ' ' || coalesce(job_id,'-') || ' ' || dispatched_at::text AS \"Value\" FROM scheduled_dispatches").ToListAsync();
            throw new TimeoutException(string.Join("\n", states.Concat(disp).Concat(restarted.Logs.Lines.Where(l => !l.StartsWith("Debug", StringComparison.Ordinal)))), e);
        }
        await restarted.WaitForAsync(db => db.ScheduledRuns.CountAsync(), n => n == 1);
        await using var db = restarted.Db();
        var chats = await db.Outbox.Select(o => o.ChatId).ToListAsync();
        Assert.Equal(_contactIds.Select(id => $"c{id}").Order(), chats.Order());
    }

    private sealed class DiesAfterOutboxInserts(int inserts) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private int _seen;

        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> NonQueryExecutingAsync(
            System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("INSERT INTO outbox", StringComparison.Ordinal) && Interlocked.Increment(ref _seen) > inserts)
                throw new IOException("simulated crash: the host died here");
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }

    [Fact]
    public async Task The_tick_follows_a_moved_deadline_and_a_closed_campaign()
    {
        // The domain runs on a fake clock; the tick itself still runs every 2 s of real time and asks that clock.
        var start = DateTimeOffset.UtcNow;
        var deadline = start.AddHours(5);
        await SetDeadlineAsync(deadline, "-2h", "-1h");
        var clock = new TestClock(start);
        await using var app = NewApp();
        app.Clock = clock;
        app.Start();

        var moved = deadline.AddDays(1);
        await SetDeadlineAsync(moved, "-2h", "-1h");
        // The old "-2h" moment: that reminder no longer exists, nothing goes out.
        clock.SetUtcNow(deadline.AddHours(-2).AddSeconds(1));
        await Task.Delay(5000);
        await using (var db = app.Db()) Assert.Equal(0, await db.Outbox.CountAsync());

        // The new "-2h" moment: the reminder names the new deadline.
        clock.SetUtcNow(moved.AddHours(-2).AddSeconds(1));
        await app.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == _contactIds.Count, timeoutMs: 30_000);
        Assert.Contains($"Hạn chót {VietnamTime.FormatDeadline(VietnamTime.ToLocal(moved, VietnamTime.Zone()))}",
            (await app.SentTextsAsync(Channel.Local, $"c{_contactIds[0]}")).Single());

        // Closed: the "-1h" reminder never goes out.
        await using (var db = app.Db())
            await db.Campaigns.Where(c => c.Id == _campaignId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Closed));
        clock.SetUtcNow(moved.AddHours(-1).AddSeconds(1));
        await Task.Delay(5000);
        await using (var db = app.Db()) Assert.Equal(_contactIds.Count, await db.Outbox.CountAsync());
        Assert.Equal("", string.Join("\n", app.Logs.Lines.Where(IsError)));
    }
}
