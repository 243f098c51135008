using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Channels;

/// <summary>
/// End to end on the real Bot host: secretaries' Zalo webhooks in (16 clients, each chat's messages in order), the
/// inbox workers run the real weekly-report dialog turn by turn, replies land in the outbox (the sender is off).
/// Prints how fast updates were taken and how fast they were handled, and the backlog the handling ran behind.
/// </summary>
public sealed class InboxEndToEndBenchmark : IBenchmark
{
    public string Name => "inbox-e2e";
    public string Description => "Zalo webhooks in → dialog turns → outbox rows, ingest vs. handled rate [chats=400] [inboxWorkers=2]";

    // The dialog-turns script as it is: its "(photo)" is a Zalo image event whose URL the fake API serves, so the Bot
    // downloads and stores the photo (the period asks for one) and every chat ends with a submitted report.
    private static readonly string[] Script = Dialogs.DialogTurnsBenchmark.Script;

    public async Task<int> RunAsync(string[] args)
    {
        var chats = args.Length > 0 ? int.Parse(args[0]) : 400;
        var workers = args.Length > 1 ? int.Parse(args[1]) : 2;
        const string secret = "bench_SECRET";
        const int clients = 16;
        Environment.SetEnvironmentVariable("YOUTHMONTH_TEST_PG",
            Environment.GetEnvironmentVariable("YOUTHMONTH_TEST_PG") ?? Environment.GetEnvironmentVariable("YOUTHMONTH_PG"));
        var database = await TestDatabase.CreateAsync();
        var plan = await TestPlan.SeedAsync(database);
        var chatIds = await Dialogs.DialogTurnsBenchmark.SeedSecretariesAsync(database, plan, chats);

        await using var api = await BenchFakeApi.StartAsync(_ => (200, """{"ok":true,"result":{}}"""));
        await using var host = await BenchHost.StartOnAsync(database, new()
        {
            ["Zalo:Token"] = "123:BENCH",
            ["Zalo:Mode"] = "Webhook",
            ["Zalo:WebhookSecret"] = secret,
            ["Zalo:ApiBaseUrl"] = api.BaseUrl,
            ["Messaging:InboxWorkers"] = workers.ToString(),
            ["Messaging:OutboxWorkers"] = "0",
            ["Scheduling:Enabled"] = "false",
        }, s => s.AddSingleton<TimeProvider>(new TestClock(TestPlan.Local(2024, 3, 5, 9, 0))));

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = host.BaseAddress };
        long nextId = 0;
        async Task PostAsync(string chatId, string text)
        {
            var id = Interlocked.Increment(ref nextId);
            var chat = new { id = chatId, chat_type = "PRIVATE" };
            var from = new { id = chatId, display_name = "Bí thư" };
            var body = text == "(photo)"
                ? JsonSerializer.Serialize(new
                {
                    event_name = "message.image.received",
                    message = new { message_id = $"m{id}", date = 1709600000000L, photo = $"{api.BaseUrl}/photos/{chatId}.jpg", chat, from },
                })
                : JsonSerializer.Serialize(new
                {
                    event_name = "message.text.received",
                    message = new { message_id = $"m{id}", date = 1709600000000L, text, chat, from },
                });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Bot-Api-Secret-Token", secret);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        var total = chats * Script.Length;
        var wall = Stopwatch.StartNew();
        var maxPending = 0L;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                maxPending = Math.Max(maxPending, await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox WHERE processed_at IS NULL"));
                await Task.Delay(250).ContinueWith(_ => { });
            }
        });
        // Each client owns every 16th chat and posts its messages line by line: a chat's messages arrive in order.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var mine = chatIds.Where((_, i) => i % clients == c).ToList();
            foreach (var line in Script)
                foreach (var chat in mine)
                    await PostAsync(chat, line);
        })));
        var ingested = wall.Elapsed;
        while (await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox WHERE processed_at IS NULL") > 0)
        {
            if (wall.Elapsed > TimeSpan.FromMinutes(10)) break;
            await Task.Delay(50);
        }
        var handled = wall.Elapsed;
        await sampling.CancelAsync();
        await sampler;

        var processed = await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox WHERE processed_at IS NOT NULL AND dead_lettered_at IS NULL");
        var dead = await host.Database.ScalarAsync<long>("SELECT count(*) FROM inbox WHERE dead_lettered_at IS NOT NULL");
        var outbox = await host.Database.ScalarAsync<long>("SELECT count(*) FROM outbox");
        var reports = await host.Database.ScalarAsync<long>($"SELECT count(*) FROM reports WHERE status = '{ReportStatus.Submitted}'");

        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| webhooks ({chats} chats × {Script.Length} messages, {clients} clients) | {total} in {ingested.TotalSeconds:F1} s = {total / ingested.TotalSeconds:F0}/s |");
        Console.WriteLine($"| handled ({workers} inbox workers), first webhook to last turn | {processed} in {handled.TotalSeconds:F1} s = {processed / handled.TotalSeconds:F0}/s |");
        Console.WriteLine($"| most pending at once (sampled) | {maxPending} |");
        Console.WriteLine($"| dead letters / outbox rows / reports submitted | {dead} / {outbox} / {reports} of {chats} |");
        if (reports < chats) await PrintConversationAsync(host.Database, chatIds[0]);
        return processed == total && reports == chats ? 0 : 1;
    }

    /// <summary>One chat's messages and the bot's replies in order, to see where a script left the dialog.</summary>
    private static async Task PrintConversationAsync(TestDatabase database, string chatId)
    {
        await using var db = database.CreateDbContext();
        var inbound = (await db.Inbox.AsNoTracking().Where(i => i.ChatId == chatId).OrderBy(i => i.Id).Select(i => new { i.ReceivedAt, i.Payload }).ToListAsync())
            .Select(i => (At: i.ReceivedAt, Line: "> " + (MessageJson.Deserialize<IncomingMessage>(i.Payload).Text ?? "(no text)")));
        var outbound = (await db.Outbox.AsNoTracking().Where(o => o.ChatId == chatId).OrderBy(o => o.Id).Select(o => new { o.CreatedAt, o.Payload }).ToListAsync())
            .Select(o => (At: o.CreatedAt, Line: "< " + MessageJson.Deserialize<OutgoingMessage>(o.Payload).Text.ReplaceLineEndings(" | ")));
        Console.Error.WriteLine($"Chat {chatId} did not submit a report; its conversation:");
        // The bench's clock stands still, so the two sides are listed one after the other, each in order.
        foreach (var (_, line) in inbound.Concat(outbound)) Console.Error.WriteLine("  " + (line.Length > 200 ? line[..200] + "…" : line));
    }
}
