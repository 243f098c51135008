using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Messaging;

/// <summary>The daily purge deletes only old handled rows; /health/ready shows the queues.</summary>
public sealed class PurgeAndHealthTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();
    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static readonly DateTimeOffset Now = new(2024, 6, 30, 3, 0, 0, TimeSpan.Zero);

    private BotApp App(Action<BotApp>? configure = null)
    {
        var app = new BotApp(_db) { Clock = new TestClock(Now), UseEchoHandler = true };
        // Nothing is handled or sent: the rows stay as the test wrote them.
        app.Settings["Messaging:InboxWorkers"] = "0";
        app.Settings["Messaging:OutboxWorkers"] = "0";
        configure?.Invoke(app);
        return app.Start();
    }

    private async Task<long> InboxAsync(string key, int daysAgo, bool handled = true, bool deadLettered = false)
    {
        await using var db = _db.CreateDbContext();
        var at = Now.AddDays(-daysAgo);
        var row = new InboxMessage
        {
            Channel = Channel.Local, UpdateKey = key, ChatId = "purge-chat", Payload = """{"Text":"x"}""",
            ReceivedAt = at, ProcessedAt = handled || deadLettered ? at : null, DeadLetteredAt = deadLettered ? at : null,
        };
        db.Inbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<long> OutboxAsync(int daysAgo, OutboxState state, string? dedupKey = null)
    {
        await using var db = _db.CreateDbContext();
        var row = Outbox.Add(db, Channel.Local, "purge-chat", new OutgoingMessage { Text = "y" }, Now.AddDays(-daysAgo), dedupKey);
        row.State = state;
        if (state == OutboxState.Sent) row.SentAt = row.CreatedAt;
        await db.SaveChangesAsync();
        return row.Id;
    }

    [Fact]
    public async Task Purge_deletes_handled_rows_older_than_the_setting_and_keeps_dead_letters_pending_and_dedup_keyed_rows()
    {
        var oldHandled = await InboxAsync("old-handled", 31);
        var oldDead = await InboxAsync("old-dead", 200, deadLettered: true);
        var oldPending = await InboxAsync("old-pending", 40, handled: false);
        var recentHandled = await InboxAsync("recent-handled", 29);
        var oldSent = await OutboxAsync(31, OutboxState.Sent);
        var oldFailed = await OutboxAsync(45, OutboxState.Failed);
        var oldReminder = await OutboxAsync(120, OutboxState.Sent, "remind:1:2024-03-01:1d:contact:7");
        var oldPendingOut = await OutboxAsync(60, OutboxState.Pending);
        var recentSent = await OutboxAsync(2, OutboxState.Sent);

        await using var app = App(a => a.Settings["Messaging:PurgeAfterDays"] = "30");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<MessagePurge>().ExecuteAsync();
            Assert.Equal(new PurgeResult(1, 2), result);
            // A second run (another host, or the next day) finds nothing more.
            Assert.Equal(new PurgeResult(0, 0), await scope.ServiceProvider.GetRequiredService<MessagePurge>().ExecuteAsync());
        }

        await using var db = app.Db();
        Assert.Equal([oldDead, oldPending, recentHandled], await db.Inbox.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync());
        Assert.Equal([oldReminder, oldPendingOut, recentSent], await db.Outbox.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync());
        Assert.DoesNotContain(oldHandled, await db.Inbox.Select(i => i.Id).ToListAsync());
        Assert.DoesNotContain(oldSent, await db.Outbox.Select(o => o.Id).ToListAsync());
        Assert.DoesNotContain(oldFailed, await db.Outbox.Select(o => o.Id).ToListAsync());
    }

    [Fact]
    public async Task Purge_defaults_to_90_days()
    {
        await InboxAsync("day-89", 89);
        await InboxAsync("day-91", 91);
        await using var app = App();
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(new PurgeResult(1, 0), await scope.ServiceProvider.GetRequiredService<MessagePurge>().ExecuteAsync());
    }

    [Fact]
    public async Task The_purge_is_a_daily_Hangfire_job_that_runs_from_the_hosts_services()
    {
        await InboxAsync("old", 100);
        await InboxAsync("new", 1);
        await using var app = App(a => a.WithFastScheduling().Settings["Scheduling:Enabled"] = "true");
        var storage = app.Services.GetRequiredService<JobStorage>();
        await app.WaitForAsync(_ => Task.FromResult(Recurring(storage)), j => j is not null, 30_000);
        Assert.Equal(Core.Scheduling.RecurringJobs.PurgeCron, Recurring(storage)!.Cron);

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(Core.Scheduling.RecurringJobs.MessagingPurge);
        await app.WaitForAsync(db => db.Inbox.CountAsync(), n => n == 1, 30_000);
        Assert.DoesNotContain(app.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    private static RecurringJobDto? Recurring(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == Core.Scheduling.RecurringJobs.MessagingPurge);
    }

    [Fact]
    public async Task Ready_shows_inbox_pending_outbox_backlog_failed_and_dead_letters()
    {
        await InboxAsync("p1", 0, handled: false);
        await InboxAsync("p2", 0, handled: false);
        await InboxAsync("done", 0);
        await InboxAsync("dead", 0, deadLettered: true);
        for (var i = 0; i < 3; i++) await OutboxAsync(0, OutboxState.Pending);
        await OutboxAsync(0, OutboxState.Failed);
        await OutboxAsync(0, OutboxState.Sent);

        await using var app = App();
        var response = await app.Client().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var checks = json.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        var data = checks.GetProperty("messaging").GetProperty("data");
        Assert.Equal(2, data.GetProperty("inboxPending").GetInt64());
        Assert.Equal(3, data.GetProperty("outboxBacklog").GetInt64());
        Assert.Equal(1, data.GetProperty("outboxFailed").GetInt64());
        Assert.Equal(1, data.GetProperty("deadLetters").GetInt64());
        Assert.True(data.GetProperty("inboxOldestPendingSeconds").GetInt64() >= 0);
    }
}
