using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Core;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Benchmarks.Dialogs;

/// <summary>
/// Dialog turns per second through the real ChatProcessor (advisory lock, dialog, state, report writes, outbox in
/// one transaction): N secretaries each send a whole weekly report (11 messages) at once, the way a Friday-morning
/// deadline looks, handled by 1 and by 4 concurrent workers.
/// </summary>
public sealed class DialogTurnsBenchmark : IBenchmark
{
    public string Name => "dialog-turns";
    public string Description => "Weekly-report dialog turns/s through ChatProcessor with 1 and 4 workers [chats=200]";

    private static readonly string[] Script =
        ["/baocao", "1", "Hoạt động khác", "Tọa đàm kỹ năng số", "8", "04/3", "60", "Tọa đàm cho 60 đoàn viên.", "(photo)", "không", "1"];

    public async Task<int> RunAsync(string[] args)
    {
        var chats = args.Length > 0 ? int.Parse(args[0]) : 200;
        Console.WriteLine($"| workers | chats | turns | seconds | turns/s | reports written |\n|---|---|---|---|---|---|");
        foreach (var workers in new[] { 1, 4 })
        {
            await using var database = await TestDatabase.CreateAsync();
            var plan = await TestPlan.SeedAsync(database);
            var (chatIds, photoId) = await SeedChatsAsync(database, plan, chats);
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<TimeProvider>(new TestClock(TestPlan.Local(2024, 3, 5, 9, 0)));
            services.AddYouthMonthCore(database.ConnectionString);
            services.AddScoped<Inbox>();
            services.AddSingleton<ChatProcessor>();
            services.AddYouthMonthDialogs();
            await using var provider = services.BuildServiceProvider();
            var processor = provider.GetRequiredService<ChatProcessor>();

            var wall = Stopwatch.StartNew();
            foreach (var line in Script)
            {
                await using (var scope = provider.CreateAsyncScope())
                {
                    var inbox = scope.ServiceProvider.GetRequiredService<Inbox>();
                    foreach (var chatId in chatIds) await inbox.StoreAsync(Guid.NewGuid().ToString("N"), Message(chatId, line, photoId));
                }
                await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => processor.ProcessAllAsync())));
            }
            wall.Stop();
            var reports = await database.ScalarAsync<long>($"SELECT count(*) FROM reports WHERE status = '{ReportStatus.Submitted}'");
            var turns = chats * Script.Length;
            Console.WriteLine($"| {workers} | {chats} | {turns} | {wall.Elapsed.TotalSeconds:F1} | {turns / wall.Elapsed.TotalSeconds:F0} | {reports} |");
            if (reports != chats) { Console.Error.WriteLine($"expected {chats} reports, found {reports}"); return 1; }
        }
        return 0;
    }

    private static IncomingMessage Message(string chatId, string line, int photoId)
    {
        var m = new IncomingMessage { Channel = Channel.Zalo, ChatId = chatId, UserId = chatId, SentAt = DateTimeOffset.UtcNow };
        if (line == "(photo)") return m with { Photos = [new IncomingPhoto { Url = "https://example.vn/a.jpg", StoredPhotoId = photoId }] };
        return CommandText.TryParse(line, null, out var cmd, out var a, out _) ? m with { Text = line, Command = cmd, CommandArgs = a } : m with { Text = line };
    }

    private static async Task<(List<string> ChatIds, int PhotoId)> SeedChatsAsync(TestDatabase database, TestPlan plan, int count)
    {
        await using var db = database.CreateDbContext();
        var orgId = await db.Units.Where(u => u.Id == plan.Units[0]).Select(u => u.OrganisationId).SingleAsync();
        var contacts = Enumerable.Range(1, count).Select(i => new Contact
        {
            Name = $"Bí thư {i}", Unit = new Unit { Name = $"Chi đoàn thử {i}", OrganisationId = orgId },
        }).ToList();
        db.Contacts.AddRange(contacts);
        var photo = new Photo { Sha256 = new string('a', 64), ContentType = "image/jpeg", StoragePath = "bench/a.jpg", CreatedAt = DateTimeOffset.UtcNow };
        db.Photos.Add(photo);
        await db.SaveChangesAsync();
        var ids = contacts.Select(c => $"bench-{c.Id}").ToList();
        db.ChatAccounts.AddRange(contacts.Select(c => new ChatAccount { Channel = Channel.Zalo, ChatId = $"bench-{c.Id}", ContactId = c.Id, CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        return (ids, photo.Id);
    }
}
