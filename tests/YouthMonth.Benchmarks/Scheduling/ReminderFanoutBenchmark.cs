using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Benchmarks.Channels;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;

namespace YouthMonth.Benchmarks.Scheduling;

/// <summary>
/// A reminder fan-out to N contacts (1 per unit, 10 contacts per unit), end to end: the Bot's Hangfire server runs the plan
/// tick, which hands the due trigger over as a send job, the fan-out writes one outbox row per contact, and the real outbox sender delivers them to
/// a fake Telegram API that answers 429 (retry_after 1) whenever it accepted 30 messages in the last second.
/// </summary>
public sealed class ReminderFanoutBenchmark : IBenchmark
{
    public string Name => "reminder-fanout";
    public string Description => "Reminder fan-out through Hangfire and the outbox to a fake API limited to 30 msg/s [contacts=10000]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        await using var api = await RateLimitedTelegramApi.StartAsync();
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        var database = await YouthMonth.Testing.TestDatabase.CreateAsync();

        // One organisation with count/10 units of 10 contacts, each bound to a Telegram chat; one active campaign
        // whose only period is due 30 min + 10 s from now with a single "-30m" reminder: it fires 10 s from now.
        var deadline = DateTimeOffset.UtcNow.AddMinutes(30).AddSeconds(10);
        await using (var db = database.CreateDbContext())
        {
            var org = new Organisation { Name = "Đoàn Khối Đo Tải", Place = "Cần Thơ" };
            for (var u = 0; u < (count + 9) / 10; u++)
            {
                var unit = new Unit { Name = $"Chi đoàn cơ sở số {u + 1}", Cluster = $"Cụm {u % 10 + 1}" };
                for (var c = 0; c < 10 && u * 10 + c < count; c++) unit.Contacts.Add(new Contact { Name = $"Người liên hệ {u * 10 + c + 1}" });
                org.Units.Add(unit);
            }
            var today = DateOnly.FromDateTime(deadline.UtcDateTime);
            org.Campaigns.Add(new Campaign
            {
                Name = "Tháng Thanh niên (đo tải)", StartDate = today.AddDays(-7), EndDate = today.AddDays(7), Status = CampaignStatus.Active,
                Reminders = new ReminderPolicy { Offsets = ["-30m"], NotifyLeadersAtDeadline = false, PostSummaryAfterDeadline = false, RemindActivitiesDayBefore = false },
                Periods = [new ReportingPeriod { Kind = PeriodKind.Weekly, Number = 1, Label = "Tuần 1", WindowStart = today.AddDays(-6), WindowEnd = today, DeadlineUtc = deadline }],
            });
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var created = DateTimeOffset.UtcNow;
            var i = 0;
            foreach (var contactId in await db.Contacts.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync())
                db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = (100000 + i++).ToString(), ContactId = contactId, CreatedAt = created });
            await db.SaveChangesAsync();
        }

        await using var host = await BenchHost.StartOnAsync(database, new()
        {
            ["Telegram:Token"] = "998:FANOUT",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = "unused",
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Scheduling:Enabled"] = "true",
            // The tick every 2 s instead of every minute, so the run starts when the reminder is due, not at the next minute.
            ["Scheduling:TickCron"] = "*/2 * * * * *",
            ["Scheduling:SchedulePollingSeconds"] = "1",
        });
        var wall = Stopwatch.StartNew();
        var limit = TimeSpan.FromSeconds(60 + count / 20.0);
        // Rows carry the fan-out's one "now", so the fan-out is timed by watching the outbox fill.
        DateTimeOffset? firstRow = null, allRows = null;
        while (wall.Elapsed < limit)
        {
            var written = await database.ScalarAsync<long>("SELECT count(*) FROM outbox");
            if (written > 0) firstRow ??= DateTimeOffset.UtcNow;
            if (written >= count) allRows ??= DateTimeOffset.UtcNow;
            if (await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state = 'Sent'") >= count) break;
            await Task.Delay(allRows is null ? 100 : 500);
        }
        wall.Stop();

        var sent = await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state = 'Sent'");
        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE dedup_key LIKE 'remind:%'");
        var fanOut = ((allRows ?? DateTimeOffset.UtcNow) - (firstRow ?? DateTimeOffset.UtcNow)).TotalSeconds;
        var firedLate = await database.ScalarAsync<double>(
            $"SELECT EXTRACT(EPOCH FROM min(created_at) - '{deadline.AddMinutes(-30):O}'::timestamptz)::float8 FROM outbox");
        var rate = await database.ScalarAsync<double>(
            "SELECT (count(*) - 1) / NULLIF(EXTRACT(EPOCH FROM max(sent_at) - min(sent_at))::float8, 0) FROM outbox WHERE state = 'Sent'");

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| contacts reminded (outbox rows, one per contact) | {rows} of {count} |");
        Console.WriteLine($"| reminder fired after its time | {firedLate:F1} s |");
        Console.WriteLine($"| fan-out (first to last outbox row) | ≈ {fanOut:F1} s (polled every 0.1 s; {(fanOut > 0 ? rows / fanOut : 0):F0} rows/s) |");
        Console.WriteLine($"| messages sent | {sent} in {wall.Elapsed.TotalSeconds:F0} s from host start |");
        Console.WriteLine($"| send rate (first to last sent) | {rate:F1} msg/s = {rate / 30:P0} of 30/s |");
        Console.WriteLine($"| 429 answers | {api.Rejected} |");
        return sent == count && rows == count ? 0 : 1;
    }
}
