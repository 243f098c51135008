using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using YouthMonth.Bot.Jobs;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Scheduling;

/// <summary>
/// The real clustered Quartz scheduler on PostgreSQL, in real time: the Cần Thơ sample with week 2 moved to a
/// deadline a few seconds past a "-30m" reminder, every contact bound to a local chat.
/// </summary>
public sealed class QuartzSchedulingTests : IAsyncLifetime
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

    private BotApp NewApp() => new(_db)
    {
        Settings = { ["Scheduling:Enabled"] = "true", ["Scheduling:PlanSyncIntervalSeconds"] = "1", ["Scheduling:ClusterCheckinIntervalSeconds"] = "2" },
    };

    private static async Task<List<string>> PlanTriggerNamesAsync(BotApp app)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return [.. (await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(Schedule.PlanGroup))).Select(k => k.Name).Order()];
    }

    [Fact]
    public async Task Two_scheduler_instances_on_one_database_send_every_reminder_exactly_once()
    {
        // The reminder is due 6 s from now (deadline in 30 min 6 s, reminder "-30m").
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(6);
        await SetDeadlineAsync(deadline, "-30m");
        await using var first = NewApp().Start();
        await using var second = NewApp().Start();

        await first.WaitForAsync(db => db.Outbox.CountAsync(o => o.DedupKey!.StartsWith($"remind:{_weekId}:") && o.State == OutboxState.Sent),
            n => n == _contactIds.Count, timeoutMs: 30_000);
        await first.WaitForAsync(db => db.ScheduledRuns.CountAsync(), n => n == 1);
        await Task.Delay(1500); // a second firing, had there been one, would have had time to run

        await using var db = first.Db();
        var perChat = await db.Outbox.Where(o => o.DedupKey!.StartsWith("remind:")).GroupBy(o => o.ChatId)
            .Select(g => new { Chat = g.Key, Count = g.Count() }).ToListAsync();
        Assert.Equal(_contactIds.Select(id => $"c{id}").Order(), perChat.Select(p => p.Chat).Order());
        Assert.All(perChat, p => Assert.Equal(1, p.Count));
        var runs = first.Logs.Lines.Concat(second.Logs.Lines).Count(l => l.Contains("messages enqueued", StringComparison.Ordinal));
        Assert.Equal(1, runs);
        Assert.DoesNotContain(first.Logs.Lines.Concat(second.Logs.Lines), l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Contains($"Hạn chót {VietnamTime.FormatDeadline(VietnamTime.ToLocal(deadline, VietnamTime.Zone()))}",
            (await first.SentTextsAsync(Channel.Local, $"c{_contactIds[0]}")).Single());
    }

    [Fact]
    public async Task A_host_that_dies_mid_fan_out_is_restarted_and_every_reminder_goes_out_exactly_once()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(3);
        await SetDeadlineAsync(deadline, "-30m");
        await using (var dying = NewApp())
        {
            // Its database connection fails after 10 outbox inserts: what a process killed mid fan-out leaves behind.
            dying.TestServices = s => s.ConfigureDbContext<YouthMonth.Core.Persistence.YouthMonthDb>(o => o.AddInterceptors(new DiesAfterOutboxInserts(10)));
            dying.Start();
            await dying.WaitForAsync(db => db.Outbox.CountAsync(), n => n == 10, timeoutMs: 30_000);
            await dying.WaitForAsync(_ => Task.FromResult(dying.Logs.All.Contains("the host died here", StringComparison.Ordinal)), d => d);
        }
        await using (var check = _db.CreateDbContext())
        {
            Assert.Equal(10, await check.Outbox.CountAsync());
            Assert.Equal(0, await check.ScheduledRuns.CountAsync());
        }

        await using var restarted = NewApp().Start();
        await restarted.WaitForAsync(db => db.Outbox.CountAsync(o => o.State == OutboxState.Sent), n => n == _contactIds.Count, timeoutMs: 30_000);
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
    public async Task The_plan_sync_follows_a_moved_deadline_and_a_closed_campaign()
    {
        var deadline = DateTimeOffset.UtcNow.AddHours(5);
        await SetDeadlineAsync(deadline, "-2h", "-1h");
        await using var app = NewApp().Start();
        var names = await app.WaitForAsync(_ => PlanTriggerNamesAsync(app), n => n.Count == 2, timeoutMs: 20_000);
        Assert.All(names, n => Assert.StartsWith($"c{_campaignId}:remind:{_weekId}:", n));

        await SetDeadlineAsync(deadline.AddDays(1), "-2h", "-1h");
        var moved = await app.WaitForAsync(_ => PlanTriggerNamesAsync(app), n => n.Count == 2 && !n.Intersect(names).Any(), timeoutMs: 10_000);
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var fireTimes = new List<DateTimeOffset>();
        foreach (var name in moved)
            fireTimes.Add((await scheduler.GetTrigger(new TriggerKey(name, Schedule.PlanGroup)))!.NextFireTimeUtc!.Value);
        fireTimes.Sort();
        Assert.True((fireTimes[0] - deadline.AddDays(1).AddHours(-2)).Duration() < TimeSpan.FromSeconds(1), $"{fireTimes[0]:O}");
        Assert.True((fireTimes[1] - deadline.AddDays(1).AddHours(-1)).Duration() < TimeSpan.FromSeconds(1), $"{fireTimes[1]:O}");

        await using (var db = app.Db())
            await db.Campaigns.Where(c => c.Id == _campaignId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Closed));
        await app.WaitForAsync(_ => PlanTriggerNamesAsync(app), n => n.Count == 0, timeoutMs: 10_000);
    }
}
