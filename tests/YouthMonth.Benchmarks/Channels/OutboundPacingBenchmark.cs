using System.Diagnostics;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>
/// The outbox sender against a fake Telegram API that answers 429 (retry_after 1) whenever more than 30 messages
/// arrived in the last second: a broadcast to many chats, then a burst to one chat (1 message/s per chat).
/// </summary>
public sealed class OutboundPacingBenchmark : IBenchmark
{
    public string Name => "outbound-pacing";
    public string Description => "Outbox send rate and 429 count against a fake API limiting to 30 msg/s [messages=600]";

    public async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 600;
        await using var api = await RateLimitedTelegramApi.StartAsync();
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        var database = await YouthMonth.Testing.TestDatabase.CreateAsync();

        // Broadcast: one message to each of `count` chats, then a burst of 10 to one chat.
        await using (var db = database.CreateDbContext())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < count; i++) Outbox.Add(db, Channel.Telegram, (100000 + i).ToString(), new OutgoingMessage { Text = $"Nhắc hạn {i}" }, now);
            for (var i = 0; i < 10; i++) Outbox.Add(db, Channel.Telegram, "555", new OutgoingMessage { Text = $"Tin {i}" }, now);
            await db.SaveChangesAsync();
        }

        await using var host = await BenchHost.StartOnAsync(database, new()
        {
            ["Telegram:Token"] = "998:PACE",
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookSecret"] = "unused",
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
        });
        var wall = Stopwatch.StartNew();
        while (await host.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state = 'Pending'") > 0)
        {
            if (wall.Elapsed > TimeSpan.FromMinutes(2)) break;
            await Task.Delay(100);
        }
        wall.Stop();
        var sent = await host.Database.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state = 'Sent'");
        var oneChat = await host.Database.ScalarAsync<double>(
            "SELECT EXTRACT(EPOCH FROM max(sent_at) - min(sent_at))::float8 FROM outbox WHERE chat_id = '555'");
        var broadcastRate = await database.ScalarAsync<double>(
            "SELECT (count(*) - 1) / EXTRACT(EPOCH FROM max(sent_at) - min(sent_at))::float8 FROM outbox WHERE chat_id <> '555'");
        var peak = api.PeakPerSecond();

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| messages sent | {sent} of {count + 10} in {wall.Elapsed.TotalSeconds:F1} s |");
        Console.WriteLine($"| broadcast rate ({count} chats, first to last sent) | {broadcastRate:F1} msg/s (fake API limit 30) |");
        Console.WriteLine($"| most messages accepted in any 1 s window | {peak} |");
        Console.WriteLine($"| 429 answers | {api.Rejected} |");
        Console.WriteLine($"| 10 messages to one chat took | {oneChat:F1} s (≥ 9 s at 1 msg/s per chat) |");
        return sent == count + 10 ? 0 : 1;
    }
}
