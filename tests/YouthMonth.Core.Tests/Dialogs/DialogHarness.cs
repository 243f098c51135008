using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// Whole conversations through the channel-neutral pipeline: each message is stored in the inbox and handled
/// by the real <see cref="ChatProcessor"/> (one transaction per turn) with the dialogs, on a real PostgreSQL
/// database, at a fake clock. Numbered replies are resolved like the Bot does for Zalo (from the chat's last
/// choices, which the sender would have written).
/// </summary>
public sealed class DialogHarness : IAsyncDisposable
{
    public static readonly TimeZoneInfo Zone = VietnamTime.Zone();

    public TestDatabase Database { get; }
    public TestClock Clock { get; } = new() { Now = Local(2024, 3, 5, 9, 0) };
    public TestPlan Plan { get; private set; } = null!;
    /// <summary>Exceptions the processor logged (a failed turn).</summary>
    public ErrorLog Errors { get; } = new();
    private ServiceProvider _services;

    private DialogHarness(TestDatabase database)
    {
        Database = database;
        _services = BuildServices();
    }

    public static async Task<DialogHarness> CreateAsync()
    {
        var h = new DialogHarness(await TestDatabase.CreateAsync());
        h.Plan = await TestPlan.SeedAsync(h.Database);
        return h;
    }

    private ServiceProvider BuildServices() => TurnServices.Build(Database.ConnectionString, Clock, b => b.AddProvider(Errors));

    /// <summary>A fresh process over the same database: what a restart or a redeploy looks like to a chat.</summary>
    public async Task RestartAsync()
    {
        await _services.DisposeAsync();
        _services = BuildServices();
    }

    public static DateTimeOffset Local(int y, int m, int d, int h, int min) => TestPlan.Local(y, m, d, h, min);

    public void SetLocalTime(int y, int m, int d, int h, int min) => Clock.Now = Local(y, m, d, h, min);

    public YouthMonthDb Db() => Database.CreateDbContext();

    public ChatSession Chat(Channel channel, string chatId, string speaker = "Bí thư", ChatType type = ChatType.Private) =>
        new(this, channel, chatId, speaker, type);

    /// <summary>A private chat already bound to the contact (registration is tested on its own).</summary>
    public async Task<ChatSession> RegisteredAsync(int contactId, Channel channel = Channel.Telegram, string? speaker = null)
    {
        var chatId = $"c{contactId}-{Guid.NewGuid():N}"[..20];
        await using var db = Db();
        db.ChatAccounts.Add(new ChatAccount { Channel = channel, ChatId = chatId, ContactId = contactId, CreatedAt = Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return Chat(channel, chatId, speaker ?? "Bí thư");
    }

    internal async Task<List<OutgoingMessage>> DeliverAsync(IncomingMessage message)
    {
        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<YouthMonthDb>();
            if (message.Channel != Channel.Telegram) message = await ChoiceAnswers.ResolveAsync(db, message, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<Inbox>().StoreAsync(Guid.NewGuid().ToString("N"), message);
        }
        return await ProcessAsync(message.Channel, message.ChatId);
    }

    internal async Task StoreAsync(IncomingMessage message)
    {
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Inbox>().StoreAsync(Guid.NewGuid().ToString("N"), message);
    }

    /// <summary>Handles everything pending and returns the replies to the chat, marking them sent as the sender would.</summary>
    internal async Task<List<OutgoingMessage>> ProcessAsync(Channel channel, string chatId)
    {
        await _services.GetRequiredService<ChatProcessor>().ProcessAllAsync();
        await using var db = Db();
        if (Errors.TakeAll() is { Length: > 0 } failed) throw new InvalidOperationException("A message failed: " + failed);
        var rows = await db.Outbox.Where(o => o.Channel == channel && o.ChatId == chatId && o.State == OutboxState.Pending)
            .OrderBy(o => o.Id).ToListAsync();
        var replies = rows.Select(r => MessageJson.Deserialize<OutgoingMessage>(r.Payload)).ToList();
        foreach (var r in rows) r.State = OutboxState.Sent;
        await db.SaveChangesAsync();
        // What the Bot's sender does after each message on a channel that numbers its choices.
        if (channel != Channel.Telegram)
            foreach (var reply in replies) await ChoiceAnswers.RememberAsync(db, channel, chatId, reply.Choices, CancellationToken.None);
        return replies;
    }

    public async Task<int> NewPhotoAsync()
    {
        await using var db = Db();
        var photo = new Photo
        {
            Sha256 = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), ContentType = "image/jpeg", SizeBytes = 1000,
            StoragePath = "test/" + Guid.NewGuid().ToString("N") + ".jpg", CreatedAt = Clock.GetUtcNow(),
        };
        db.Photos.Add(photo);
        await db.SaveChangesAsync();
        return photo.Id;
    }

    public async Task<Report?> ReportAsync(int periodId, int unitId)
    {
        await using var db = Db();
        return await db.Reports.AsNoTracking()
            .Include(r => r.Activities).ThenInclude(a => a.Photos).Include(r => r.Values).Include(r => r.Nominations)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == unitId);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}

public sealed class ErrorLog : ILoggerProvider, ILogger
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();
    public string TakeAll() { var all = string.Join("\n", _errors); _errors.Clear(); return all; }
    public ILogger CreateLogger(string categoryName) => this;
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Error) _errors.Enqueue(formatter(state, exception) + " " + exception);
    }
}
