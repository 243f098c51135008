using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;
using Xunit.Abstractions;

namespace YouthMonth.Bot.Tests.Dialogs;

/// <summary>
/// The real dialogs in the real Bot host, over real protocol traffic: Telegram (telegram-test-api, buttons) and
/// the Zalo HTTP fake (numbered text choices). The conversations themselves are tested in Core; these show the
/// channels carry them.
/// </summary>
[Collection(TelegramEmulatorCollection.Name)]
public sealed class DialogChannelTests(TelegramEmulator emulator, ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private TestPlan _plan = null!;
    private BotApp? _app;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _plan = await TestPlan.SeedAsync(_db);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) output.WriteLine(_app.Logs.All);
        await _db.DisposeAsync();
    }

    private BotApp NewApp()
    {
        _app = new BotApp(_db) { Clock = new TestClock(TestPlan.Local(2024, 3, 5, 9, 0)) };
        return _app;
    }

    private static string Text(JsonElement record) => record.GetProperty("message").GetProperty("text").GetString()!;

    private static string Button(JsonElement record, string label) =>
        record.GetProperty("message").GetProperty("reply_markup").GetProperty("inline_keyboard").EnumerateArray()
            .SelectMany(row => row.EnumerateArray()).First(b => b.GetProperty("text").GetString() == label)
            .GetProperty("callback_data").GetString()!;

    [Fact]
    public async Task Telegram_deep_link_registration_then_a_no_activity_report_with_buttons()
    {
        var token = TelegramEmulator.NewToken();
        var app = NewApp();
        app.Settings["Telegram:Token"] = token;
        app.Settings["Telegram:ApiBaseUrl"] = emulator.BaseUrl;
        app.Settings["Telegram:Mode"] = "Polling";
        await using var _ = app.Start();
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(10));

        await emulator.SendCommandAsync(token, 5101, "/start LanCode2345");
        Assert.StartsWith("Chào Nguyễn Thị Lan! Bạn đã đăng ký báo cáo cho Đoàn cơ sở Bệnh viện Ung bướu.",
            Text((await emulator.WaitForBotMessagesAsync(token, 5101)).Single()));

        await emulator.SendCommandAsync(token, 5101, "/baocao");
        var ask = (await emulator.WaitForBotMessagesAsync(token, 5101)).Single();
        Assert.StartsWith("Báo cáo Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3.", Text(ask));
        await emulator.PressAsync(token, 5101, ask.GetProperty("messageId").GetInt64(), Button(ask, "Tuần này đơn vị không có hoạt động"));
        Assert.Equal("Đã ghi nhận: Tuần 1 (02/3–08/3) đơn vị không có hoạt động. Cảm ơn bạn!",
            Text((await emulator.WaitForBotMessagesAsync(token, 5101)).Single()));

        await using var db = app.Db();
        var report = await db.Reports.SingleAsync(r => r.PeriodId == _plan.Week1Id);
        Assert.Equal((_plan.Units[0], ReportStatus.NoActivity, false), (report.UnitId, report.Status, report.IsLate));
    }

    /// <summary>The emulator's record of a bot message: its text, or a photo's caption.</summary>
    private static string Shown(JsonElement record) =>
        record.GetProperty("message").TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()!
            : record.GetProperty("message").GetProperty("caption").GetString()!;

    [Fact]
    public async Task Telegram_weekly_report_with_photos_from_the_start_code_to_the_leader_groups_tonghop()
    {
        var token = TelegramEmulator.NewToken();
        var app = NewApp();
        app.Settings["Telegram:Token"] = token;
        app.Settings["Telegram:ApiBaseUrl"] = emulator.BaseUrl;
        app.Settings["Telegram:Mode"] = "Polling";
        await using var _ = app.Start();
        await app.Services.GetRequiredService<TelegramBotIdentity>().SetUpCompleted.WaitAsync(TimeSpan.FromSeconds(30));
        const long lan = 5301, leaders = -1005301;
        async Task<JsonElement> LanAsync(Func<Task> act)
        {
            await act();
            return (await emulator.WaitForBotMessagesAsync(token, lan)).Single();
        }
        Task<JsonElement> PressAsync(JsonElement offer, string label) =>
            LanAsync(() => emulator.PressAsync(token, lan, offer.GetProperty("messageId").GetInt64(), Button(offer, label)));

        // The leader group registers with its code; Lan with hers.
        await emulator.SendCommandAsync(token, leaders, "/start@TestNameBot LeadCode234", chatType: "supergroup", userId: 9001);
        Assert.Contains("BTV Đoàn Khối", Text((await emulator.WaitForBotMessagesAsync(token, leaders)).Single()));
        Assert.StartsWith("Chào Nguyễn Thị Lan!", Text(await LanAsync(() => emulator.SendCommandAsync(token, lan, "/start LanCode2345"))));

        // Two activities, each with a photo taken on the phone (Telegram keeps the file; the bot downloads it).
        var (bloodPhoto, quizPhoto) = ("AgAD-blood-" + Guid.NewGuid().ToString("N")[..8], "AgAD-quiz-" + Guid.NewGuid().ToString("N")[..8]);
        await emulator.AddFileAsync(bloodPhoto, TestImages.Jpeg(900, seed: 11));
        await emulator.AddFileAsync(quizPhoto, TestImages.Jpeg(700, seed: 12));
        var ask = await LanAsync(() => emulator.SendCommandAsync(token, lan, "/baocao"));
        Assert.StartsWith("Báo cáo Tuần 1 (02/3–08/3)", Text(ask));
        var activities = await PressAsync(ask, "Có, báo cáo hoạt động");
        var date = await PressAsync(activities, "Ngày hội hiến máu tình nguyện");
        Assert.Contains("ngày nào", Text(date));
        Assert.Contains("• Đơn vị máu (đơn vị)", Text(await LanAsync(() => emulator.SendTextAsync(token, lan, "04/3"))));
        Assert.Contains("Viết vài dòng tin", Text(await LanAsync(() => emulator.SendTextAsync(token, lan, "tham gia 1200, quà 50 phần, trị giá 25tr, máu 45"))));
        Assert.StartsWith("Gửi ảnh hoạt động", Text(await LanAsync(() => emulator.SendTextAsync(token, lan, "Sáng 04/3, 120 đoàn viên hiến máu tại hội trường bệnh viện."))));
        var more = await LanAsync(() => emulator.SendPhotoAsync(token, lan, bloodPhoto));
        Assert.StartsWith("Đã nhận 1 ảnh.", Text(more));
        date = await PressAsync(more, "Hội thi tìm hiểu lịch sử Đoàn");
        Assert.Contains("Có bao nhiêu lượt", Text(await PressAsync(date, "Hôm nay")));
        Assert.Contains("Viết vài dòng tin", Text(await LanAsync(() => emulator.SendTextAsync(token, lan, "80"))));
        Assert.StartsWith("Gửi ảnh hoạt động", Text(await LanAsync(() => emulator.SendTextAsync(token, lan, "Hội thi với 16 đội thi."))));
        more = await LanAsync(() => emulator.SendPhotoAsync(token, lan, quizPhoto, "Vòng chung kết"));
        var review = await PressAsync(more, "Không, xem lại và gửi");
        Assert.Contains("Ảnh: 1", Text(review));
        Assert.Equal("Đã gửi báo cáo Tuần 1 (02/3–08/3). Cảm ơn bạn!", Text(await PressAsync(review, "Gửi báo cáo")));

        await using (var db = app.Db())
        {
            var report = await db.Reports.Include(r => r.Activities).ThenInclude(a => a.Photos).SingleAsync(r => r.PeriodId == _plan.Week1Id);
            Assert.Equal((_plan.Units[0], ReportStatus.Submitted), (report.UnitId, report.Status));
            var photoIds = report.Activities.OrderBy(a => a.SortOrder).Select(a => Assert.Single(a.Photos).PhotoId).ToList();
            Assert.Equal([bloodPhoto, quizPhoto], await db.Photos.Where(p => photoIds.Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.TelegramFileId).ToListAsync());
        }

        // What the leaders see: the numbers, then each highlight's photo re-sent by the file_id Telegram gave it.
        await emulator.SendCommandAsync(token, leaders, "/tonghop", chatType: "supergroup", userId: 9001);
        var seen = await emulator.WaitForBotMessagesAsync(token, leaders, count: 3);
        Assert.StartsWith("📊 TỔNG HỢP BÁO CÁO — TUẦN 1 (02/3–08/3)", Shown(seen[0]));
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.280 lượt", Shown(seen[0]));
        Assert.Contains("Đơn vị đã báo cáo: 1/4", Shown(seen[0]));
        var photos = seen.Skip(1).Select(r => r.GetProperty("message")).ToList();
        Assert.Equal([bloodPhoto, quizPhoto], photos.Select(m => m.GetProperty("photo").GetString()));
        Assert.All(photos, m => Assert.False(m.GetProperty("uploaded").GetBoolean()));
        Assert.StartsWith("Nổi bật 1: Đoàn cơ sở Bệnh viện Ung bướu: Ngày hội hiến máu tình nguyện", Shown(seen[1]));
        Assert.StartsWith("Nổi bật 2: Đoàn cơ sở Bệnh viện Ung bướu: Hội thi tìm hiểu lịch sử Đoàn", Shown(seen[2]));
    }

    [Fact]
    public async Task Zalo_typed_code_then_a_report_answered_with_numbers()
    {
        await using var zalo = await FakeApi.StartAsync();
        var events = new ConcurrentQueue<object>();
        zalo.Handle = (method, _) => method switch
        {
            "getUpdates" when events.TryDequeue(out var ev) => FakeApi.Ok(ev),
            "getUpdates" => (200, new { ok = false, error_code = 408, description = "Request timeout" }),
            "sendMessage" or "sendPhoto" => FakeApi.Ok(new { message_id = $"zm{zalo.NextMessageId()}", date = 1750316131602 }),
            _ => FakeApi.Ok(new { url = "" }),
        };
        var app = NewApp();
        app.Settings["Zalo:Token"] = "1234567890:zalo-token";
        app.Settings["Zalo:Mode"] = "Polling";
        app.Settings["Zalo:ApiBaseUrl"] = zalo.BaseUrl;
        app.Settings["Zalo:WebhookSecret"] = "zalo-secret-123";
        await using var _ = app.Start();

        var sent = 0;
        async Task<string> SayAsync(string text)
        {
            events.Enqueue(new
            {
                event_name = "message.text.received",
                message = new
                {
                    from = new { id = "z-tam", display_name = "Anh Tâm", is_bot = false }, chat = new { id = "z-tam", chat_type = "PRIVATE" },
                    message_id = Guid.NewGuid().ToString("N"), date = 1750316131602, text,
                },
            });
            sent++;
            for (var i = 0; i < 300 && zalo.CallsTo("sendMessage").Count() < sent; i++) await Task.Delay(50);
            return zalo.CallsTo("sendMessage").Last().Body.GetProperty("text").GetString()!;
        }

        Assert.StartsWith("Chào Lê Văn Tâm!", await SayAsync("ZaloCode234"));
        var ask = await SayAsync("/baocao");
        Assert.Contains("Trả lời bằng số:\n1. Có, báo cáo hoạt động\n2. Tuần này đơn vị không có hoạt động", ask);
        // The numbered answer is read after the sender has stored the list it showed.
        await app.WaitForAsync(db => db.ChatAccounts.Where(a => a.ChatId == "z-tam").Select(a => a.LastChoices).SingleAsync(), c => c is not null);
        Assert.Equal("Đã ghi nhận: Tuần 1 (02/3–08/3) đơn vị không có hoạt động. Cảm ơn bạn!", await SayAsync("2"));
        await using var db = app.Db();
        Assert.Equal(ReportStatus.NoActivity, (await db.Reports.SingleAsync(r => r.UnitId == _plan.Units[1])).Status);
    }
}
