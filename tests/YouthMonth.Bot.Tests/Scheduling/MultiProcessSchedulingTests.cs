using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Abstractions;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Scheduling;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Scheduling;

/// <summary>
/// Two real Bot processes (dotnet YouthMonth.Bot.dll) on one database, each running a Hangfire server: the
/// deployment with more than one Bot. The plan tick runs every 2 s and the engine polls every second, so a test
/// takes well under two minutes; the same code runs every minute in production (docs/scheduling.md, "Timing").
/// The Cần Thơ sample, every contact bound to a local chat.
/// </summary>
[Collection(nameof(MultiProcessSchedulingTests))]
[CollectionDefinition(nameof(MultiProcessSchedulingTests), DisableParallelization = true)]
public sealed class MultiProcessSchedulingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private int _campaignId;
    private List<int> _contactIds = [];
    private readonly List<BotProcess> _processes = [];

    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Scheduling:TickCron"] = "*/2 * * * * *",
        ["Scheduling:SchedulePollingSeconds"] = "1",
        ["Scheduling:QueuePollSeconds"] = "1",
        // A killed server's job goes to the other server 10 s after its last heartbeat (production: 90 s).
        ["Scheduling:InvisibilityTimeoutSeconds"] = "10",
        ["Scheduling:DistributedLockTimeoutSeconds"] = "10",
        ["Scheduling:ServerTimeoutSeconds"] = "10",
    };

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await using var db = _db.CreateDbContext();
        var campaign = await PlanImporter.ImportAsync(db, SamplePlans.Load(SamplePlans.CanTho));
        _campaignId = campaign.Id;
        _contactIds = await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        foreach (var id in _contactIds)
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Local, ChatId = $"c{id}", ContactId = id, CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            output.WriteLine($"--- Bot process {process.Pid} ---");
            foreach (var line in process.Output) output.WriteLine(line);
            await process.DisposeAsync();
        }
        await _db.DisposeAsync();
    }

    /// <summary>Week N's deadline moved to <paramref name="deadlineUtc"/>, only "-30m" reminders, nothing else.</summary>
    private async Task SetDeadlinesAsync(params (int Week, DateTimeOffset DeadlineUtc)[] deadlines)
    {
        await using var db = _db.CreateDbContext();
        var campaign = await db.Campaigns.SingleAsync(c => c.Id == _campaignId);
        campaign.Reminders = new ReminderPolicy
        {
            Offsets = ["-30m"], NotifyLeadersAtDeadline = false, PostSummaryAfterDeadline = false, RemindActivitiesDayBefore = false,
        };
        await db.SaveChangesAsync();
        foreach (var (week, deadline) in deadlines)
            await db.Periods.Where(p => p.CampaignId == _campaignId && p.Number == week)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeadlineUtc, deadline));
    }

    private async Task<BotProcess> StartBotAsync()
    {
        var process = new BotProcess(_db, Fast);
        _processes.Add(process);
        return await process.StartAsync(timeoutMs: 90_000);
    }

    private async Task<T> WaitForAsync<T>(Func<YouthMonthDbQueries, Task<T>> query, Func<T, bool> done, int timeoutMs)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (true)
        {
            await using var db = _db.CreateDbContext();
            var value = await query(new YouthMonthDbQueries(db));
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Condition not met within {timeoutMs} ms; last value: {value}");
            await Task.Delay(100);
        }
    }

    private static int Enqueued(BotProcess p) => p.Output.Count(l => l.Contains("messages enqueued", StringComparison.Ordinal));

    private async Task AssertEachContactOnceAsync(string keyPrefix)
    {
        await using var db = _db.CreateDbContext();
        var perChat = await db.Outbox.Where(o => o.DedupKey!.StartsWith(keyPrefix)).GroupBy(o => o.ChatId)
            .Select(g => new { Chat = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(_contactIds.Select(id => $"c{id}").Order(), perChat.Select(p => p.Chat).Order());
        Assert.All(perChat, p => Assert.Equal(1, p.Count));
    }

    [Fact]
    public async Task Two_processes_send_each_reminder_exactly_once_and_restarts_repeat_nothing()
    {
        // Week 2's and week 3's "-30m" reminders fall due 20 s and 26 s from now: by then both processes are up.
        var now = DateTimeOffset.UtcNow;
        await SetDeadlinesAsync((2, now.AddMinutes(30).AddSeconds(20)), (3, now.AddMinutes(30).AddSeconds(26)));
        var started = await Task.WhenAll(StartBotAsync(), StartBotAsync());

        var expected = 2 * _contactIds.Count;
        await WaitForAsync(q => q.Db.Outbox.CountAsync(o => o.DedupKey!.StartsWith("remind:") && o.State == OutboxState.Sent),
            n => n == expected, timeoutMs: 90_000);
        await WaitForAsync(q => q.Db.ScheduledRuns.CountAsync(), n => n == 2, timeoutMs: 30_000);
        await Task.Delay(5000); // more ticks on both: a second hand-over, had there been one, would show now

        await using (var db = _db.CreateDbContext())
        {
            foreach (var week in new[] { 2, 3 })
            {
                var periodId = await db.Periods.Where(p => p.CampaignId == _campaignId && p.Number == week).Select(p => p.Id).SingleAsync();
                await AssertEachContactOnceAsync($"remind:{periodId}:");
            }
            Assert.Equal(expected, await db.Outbox.CountAsync());
            Assert.Equal(2, await db.ScheduledDispatches.CountAsync());
        }
        Assert.Equal(2, started.Sum(Enqueued));

        // Restart both (SIGTERM, as systemd does), then one more time with one of them killed: nothing is sent again.
        await Task.WhenAll(started.Select(p => p.StopAsync()));
        var again = await Task.WhenAll(StartBotAsync(), StartBotAsync());
        await again[0].KillAsync();
        var third = await StartBotAsync();
        await Task.Delay(8000); // four ticks
        await using (var db = _db.CreateDbContext())
        {
            Assert.Equal(expected, await db.Outbox.CountAsync());
            Assert.Equal(2, await db.ScheduledDispatches.CountAsync());
            Assert.Equal(2, await db.ScheduledRuns.CountAsync());
        }
        Assert.Equal(0, again.Concat([third]).Sum(Enqueued));
        // Nothing went wrong in the first pair, except a 2-second tick that found the previous one still running on this
        // loaded machine and gave up (DisableConcurrentExecution): the next tick does the same work.
        Assert.All(started, p => Assert.DoesNotContain(p.Output, l =>
            (l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            && !l.Contains("hangfire:PlanJobs.TickAsync", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_process_killed_mid_fan_out_loses_nothing_and_the_other_finishes_the_job()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(20);
        await SetDeadlinesAsync((2, deadline));
        string key;
        await using (var db = _db.CreateDbContext())
        {
            var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().Include(c => c.Organisation).Include(c => c.Periods)
                .Include(c => c.Activities).ThenInclude(a => a.ResponsibleUnits).SingleAsync(c => c.Id == _campaignId);
            key = PlanTriggers.For(campaign, VietnamTime.Zone()).Single(t => t.Kind == PlanTriggerKind.Reminder && t.UsefulUntilUtc > DateTimeOffset.UtcNow).Key;
        }

        // The test holds one contact's outbox row in an open transaction: the fan-out that reaches that contact
        // waits on it — a process caught in the middle of its fan-out, at a moment the test knows.
        var held = $"{key}:c{_contactIds[_contactIds.Count / 2]}";
        await using var blocker = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO outbox (channel, chat_id, payload, dedup_key, created_at, not_before, state, attempts)
            VALUES ('Local', 'held', '{}'::jsonb, @key, now(), now(), 'Pending', 0)
            """, blocker, tx))
        {
            insert.Parameters.AddWithValue("key", held);
            await insert.ExecuteNonQueryAsync();
        }

        var bots = await Task.WhenAll(StartBotAsync(), StartBotAsync());
        // Wait until one process's fan-out is stuck on the held row, then find which process runs that job.
        await WaitForAsync(q => q.Db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO outbox%'
            """).SingleAsync(), n => n == 1, timeoutMs: 90_000);
        var server = await WaitForAsync(q => q.Db.Database.SqlQuery<string>($"""
            SELECT s.data::json ->> 'ServerId' AS "Value" FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE '%SendAsync%'
            """).SingleOrDefaultAsync(), s => s is not null, timeoutMs: 30_000);
        var victim = bots.Single(b => server!.Contains($":{b.Pid}:", StringComparison.Ordinal));
        var survivor = bots.Single(b => b != victim);
        int before;
        await using (var db = _db.CreateDbContext()) before = await db.Outbox.CountAsync(o => o.DedupKey!.StartsWith(key));

        await victim.KillAsync();
        var killedAt = Stopwatch.StartNew();
        await tx.RollbackAsync(); // the held row never existed

        await WaitForAsync(q => q.Db.ScheduledRuns.CountAsync(r => r.Key == key), n => n == 1, timeoutMs: 90_000);
        var recovered = killedAt.Elapsed;
        await WaitForAsync(q => q.Db.Outbox.CountAsync(o => o.DedupKey!.StartsWith(key) && o.State == OutboxState.Sent),
            n => n == _contactIds.Count, timeoutMs: 30_000);
        output.WriteLine($"killed after {before} of {_contactIds.Count} inserts; the other process finished the job {recovered.TotalSeconds:F1} s after the kill");

        await AssertEachContactOnceAsync($"{key}:");
        Assert.Equal(1, Enqueued(survivor));

        // The killed process comes back: nothing is sent again.
        var restarted = await StartBotAsync();
        await Task.Delay(6000);
        await using (var db = _db.CreateDbContext()) Assert.Equal(_contactIds.Count, await db.Outbox.CountAsync());
        Assert.Equal(0, Enqueued(restarted));
        // Recovery is the invisibility timeout (10 s here) after the last heartbeat plus a queue poll.
        Assert.True(recovered < TimeSpan.FromSeconds(60), $"recovery took {recovered}");
    }

    /// <summary>
    /// The delays of docs/scheduling.md ("Timing"), with the production settings (tick every minute, 5 s schedule
    /// poll, 15 s queue poll, 90 s invisibility timeout): takes about seven minutes, so it runs only when
    /// YOUTHMONTH_SCHEDULING_TIMING=1. Its figures go to the test output.
    /// </summary>
    [Fact]
    public async Task Delays_with_production_settings()
    {
        if (Environment.GetEnvironmentVariable("YOUTHMONTH_SCHEDULING_TIMING") != "1") return;
        // T0: a whole minute far enough ahead for two processes to start on a busy machine.
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(3);
        await using (var db = _db.CreateDbContext())
        {
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == _campaignId);
            campaign.Reminders = new ReminderPolicy
            {
                Offsets = ["-30m"], NotifyLeadersAtDeadline = true, PostSummaryAfterDeadline = true, RemindActivitiesDayBefore = false,
            };
            foreach (var leader in await db.LeaderChats.ToListAsync())
                db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Local, ChatId = $"l{leader.Id}", LeaderChatId = leader.Id, CreatedAt = now });
            await db.SaveChangesAsync();
        }
        // Week 2: reminder at T0. Week 3: deadline (alert) at T0+1. Week 4: post after the deadline at T0+2.
        // Week 5: reminder at T0+3, its fan-out held and its process killed (a minute of its own: a kill delays
        // whatever else the killed process was running). Other weeks are long past.
        await SetTimesAsync((2, t0.AddMinutes(30)), (3, t0.AddMinutes(1)), (4, t0.AddMinutes(2).AddHours(-1)), (5, t0.AddMinutes(33)));
        string week5Key;
        await using (var db = _db.CreateDbContext())
        {
            var campaign = await db.Campaigns.AsNoTracking().AsSplitQuery().Include(c => c.Organisation).Include(c => c.Periods)
                .Include(c => c.Activities).ThenInclude(a => a.ResponsibleUnits).SingleAsync(c => c.Id == _campaignId);
            var week5 = campaign.Periods.Single(p => p.Number == 5).Id;
            week5Key = PlanTriggers.For(campaign, VietnamTime.Zone()).Single(t => t.Kind == PlanTriggerKind.Reminder && t.PeriodId == week5).Key;
        }
        await using var blocker = await _db.DataSource.OpenConnectionAsync();
        await using var tx = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO outbox (channel, chat_id, payload, dedup_key, created_at, not_before, state, attempts)
            VALUES ('Local', 'held', '{}'::jsonb, @key, now(), now(), 'Pending', 0)
            """, blocker, tx))
        {
            insert.Parameters.AddWithValue("key", $"{week5Key}:c{_contactIds[_contactIds.Count / 2]}");
            await insert.ExecuteNonQueryAsync();
        }

        var bots = await Task.WhenAll(new[] { new BotProcess(_db, new Dictionary<string, string>()), new BotProcess(_db, new Dictionary<string, string>()) }
            .Select(b => { _processes.Add(b); return b.StartAsync(timeoutMs: 150_000); }));
        Assert.True(DateTimeOffset.UtcNow < t0, "the processes started too late for T0");

        var server = await WaitForAsync(q => q.Db.Database.SqlQuery<string>($"""
            SELECT s.data::json ->> 'ServerId' AS "Value" FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE j.statename = 'Processing' AND j.invocationdata::text LIKE {"%" + week5Key + "%"}
            """).SingleOrDefaultAsync(), s => s is not null, timeoutMs: (int)(t0.AddMinutes(4) - DateTimeOffset.UtcNow).TotalMilliseconds);
        await WaitForAsync(q => q.Db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO outbox%'
            """).SingleAsync(), n => n == 1, timeoutMs: 60_000);
        await bots.Single(b => server!.Contains($":{b.Pid}:", StringComparison.Ordinal)).KillAsync();
        var killedAt = DateTimeOffset.UtcNow;
        await tx.RollbackAsync();
        await WaitForAsync(q => q.Db.ScheduledRuns.CountAsync(r => r.Key == week5Key), n => n == 1, timeoutMs: 240_000);
        var recovered = DateTimeOffset.UtcNow - killedAt;

        await using var check = _db.CreateDbContext();
        async Task<string> DelayAsync(string prefix, DateTimeOffset due)
        {
            var rows = await check.Outbox.Where(o => o.DedupKey!.StartsWith(prefix)).Select(o => new { o.CreatedAt, o.SentAt }).ToListAsync();
            Assert.NotEmpty(rows);
            var first = rows.Min(r => r.CreatedAt) - due;
            var last = rows.Max(r => r.SentAt ?? DateTimeOffset.MaxValue) - due;
            Assert.True(last < TimeSpan.FromSeconds(60), $"{prefix}: last sent {last.TotalSeconds:F1} s after its time");
            return $"first enqueued +{first.TotalSeconds:F1} s, last sent +{last.TotalSeconds:F1} s ({rows.Count} messages)";
        }
        var periods = await check.Periods.Where(p => p.CampaignId == _campaignId && p.Number != null).ToDictionaryAsync(p => p.Number!.Value, p => p.Id);
        output.WriteLine($"reminder (week 2, due {t0:HH:mm:ss}): {await DelayAsync($"remind:{periods[2]}:", t0)}");
        output.WriteLine($"missing-units alert (week 3): {await DelayAsync($"deadline:{periods[3]}:", t0.AddMinutes(1))}");
        output.WriteLine($"post after the deadline (week 4): {await DelayAsync($"after:{periods[4]}:", t0.AddMinutes(2))}");
        output.WriteLine($"recovery after kill -9 (week 5's fan-out): finished {recovered.TotalSeconds:F1} s after the kill");
        Assert.True(recovered < TimeSpan.FromMinutes(2), $"recovery took {recovered}");
        await AssertEachContactOnceAsync($"{week5Key}:");
    }

    private async Task SetTimesAsync(params (int Week, DateTimeOffset DeadlineUtc)[] deadlines)
    {
        await using var db = _db.CreateDbContext();
        foreach (var (week, deadline) in deadlines)
            await db.Periods.Where(p => p.CampaignId == _campaignId && p.Number == week)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeadlineUtc, deadline));
    }

    /// <summary>Lets the waits read any table through one context.</summary>
    private sealed record YouthMonthDbQueries(Core.Persistence.YouthMonthDb Db);
}
