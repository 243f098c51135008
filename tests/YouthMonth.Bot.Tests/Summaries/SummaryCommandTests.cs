using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;
using static YouthMonth.Testing.ReportSeed;

namespace YouthMonth.Bot.Tests.Summaries;

/// <summary>
/// /summary through the real Bot host: a Telegram webhook update in, the SummaryCommand registered by
/// AddSummaries, outbox, and the sender's calls to a fake Telegram API (text, then the highlight photo re-sent by
/// its stored file_id), all through the real dialog router, which asks the command handlers first.
/// </summary>
public sealed class SummaryCommandTests : IAsyncLifetime
{
    private const string Secret = "summary_SECRET-1";
    private TestDatabase _db = null!;
    private FakeApi _telegram = null!;
    private BotApp _app = null!;
    private ReportSeed _seed = null!;
    private long _update = 100;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _telegram = await FakeApi.StartAsync();
        _telegram.Handle = (method, _) => FakeApi.Ok(new { message_id = 9 });
        await using (var db = _db.CreateDbContext())
        {
            _seed = await ReportSeed.CreateAsync(db);
            var photo = await AddPhotoAsync(db, "AgAD-hien-mau");
            var w2 = _seed.Weeks[1];
            await _seed.AddReportAsync(db, _seed.Units[0], w2, ReportStatus.Submitted, activities:
                [new("Hiến máu tình nguyện", ActivityCategories.SocialWelfare, V(("participants", 1250), ("blood_units", 300)), photo.Id)]);
            await _seed.AddReportAsync(db, _seed.Units[1], w2, ReportStatus.NoActivity);
            var contact = new Contact { UnitId = _seed.Units[0].Id, Name = "Trần Thị Thử" };
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            db.ChatAccounts.Add(new ChatAccount { Channel = Channel.Telegram, ChatId = "7001", ChatType = ChatType.Private, ContactId = contact.Id, CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        _app = new BotApp(_db)
        {
            // Saturday 16/3/2024: the current period is week 4 (window 16–22/3); week 2 is asked for by name.
            Clock = new TestClock(new DateTimeOffset(2024, 3, 16, 5, 0, 0, TimeSpan.Zero)),
        };
        _app.Settings["Telegram:Token"] = "777:SUMMARY";
        _app.Settings["Telegram:Mode"] = "Webhook";
        _app.Settings["Telegram:WebhookSecret"] = Secret;
        _app.Settings["Telegram:BotUsername"] = "YouthMonthTestBot";
        _app.Settings["Telegram:ApiBaseUrl"] = _telegram.BaseUrl;
        _app.Start();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _telegram.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task SendAsync(long chatId, string text, string chatType)
    {
        var update = ++_update;
        var body = JsonSerializer.Serialize(new
        {
            update_id = update,
            message = new
            {
                message_id = update, date = 1710565200,
                from = new { id = 4242, is_bot = false, first_name = "Lan" },
                chat = new { id = chatId, type = chatType, title = "Nhóm" },
                text,
                entities = text.StartsWith('/') ? new[] { new { type = "bot_command", offset = 0, length = text.Split(' ')[0].Length } } : null,
            },
        });
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TelegramWebhook.SecretHeader, Secret);
        Assert.Equal(HttpStatusCode.OK, (await _app.Client().SendAsync(request)).StatusCode);
    }

    /// <summary>Waits until every outbox row of the chat is sent and returns the payloads in order.</summary>
    private async Task<List<OutgoingMessage>> SentAsync(string chatId, int atLeast)
    {
        var rows = await _app.WaitForAsync(db => db.Outbox.AsNoTracking().Where(o => o.ChatId == chatId).OrderBy(o => o.Id).ToListAsync(),
            r => r.Count >= atLeast && r.All(o => o.State == OutboxState.Sent));
        return [.. rows.Select(r => MessageJson.Deserialize<OutgoingMessage>(r.Payload))];
    }

    [Fact]
    public async Task A_leader_group_gets_the_summary_and_the_highlight_photo_by_file_id_others_a_polite_refusal()
    {
        await SendAsync(long.Parse(_seed.LeaderChatId), "/summary@YouthMonthTestBot tuần 2", "supergroup");
        var answer = await SentAsync(_seed.LeaderChatId, 2);
        var text = answer[0].Text;
        Assert.StartsWith("📊 TỔNG HỢP BÁO CÁO — TUẦN 2 (02/3–08/3)", text);
        Assert.Contains("Đơn vị đã báo cáo: 2/6 (33,3%)", text);
        Assert.Contains("• Lượt đoàn viên, thanh niên tham gia: 1.250 lượt", text);
        Assert.Contains("• Cụm 1 (1): Đoàn cơ sở Thử 04", text);
        var photo = Assert.Single(answer, m => m.PhotoId is not null);
        Assert.StartsWith("Nổi bật 1: Đoàn cơ sở Thử 01: Hiến máu tình nguyện", photo.Text);
        var sentPhoto = await _app.WaitForAsync(_ => Task.FromResult(_telegram.CallsTo("sendPhoto").ToList()), c => c.Count == 1);
        Assert.Equal("AgAD-hien-mau", sentPhoto[0].Body.GetProperty("photo").GetString());
        Assert.Contains(_telegram.CallsTo("sendMessage"), c => c.Body.GetProperty("text").GetString()!.Contains("1.250 lượt"));

        // /tonghop with no scope: the current period, week 4, which nobody has reported yet.
        await SendAsync(long.Parse(_seed.LeaderChatId), "/tonghop", "supergroup");
        var current = await SentAsync(_seed.LeaderChatId, answer.Count + 1);
        Assert.Contains("TUẦN 4 (16/3–22/3)", current[answer.Count].Text);
        Assert.Contains("Đơn vị đã báo cáo: 0/6 (0%)", current[answer.Count].Text);

        await SendAsync(long.Parse(_seed.LeaderChatId), "/tonghop tuần 9", "supergroup");
        var wrong = await SentAsync(_seed.LeaderChatId, current.Count + 1);
        Assert.Equal("Đợt này không có tuần 9; các tuần báo cáo là 1–5.", wrong[^1].Text);

        // A unit contact's private chat and an unregistered group: a refusal, no numbers.
        await SendAsync(7001, "/summary toàn đợt", "private");
        await SendAsync(-100555, "/tonghop@YouthMonthTestBot", "group");
        foreach (var chat in new[] { "7001", "-100555" })
        {
            var refusal = Assert.Single(await SentAsync(chat, 1));
            Assert.Contains("chỉ dùng được trong nhóm lãnh đạo", refusal.Text);
            Assert.Contains("/trangthai", refusal.Text);
            Assert.DoesNotContain("1.250", refusal.Text);
            Assert.Null(refusal.PhotoId);
        }
    }

    [Fact]
    public async Task A_secretary_typing_tonghop_in_the_middle_of_a_report_hears_the_refusal_then_the_pending_question()
    {
        await SendAsync(7001, "/baocao", "private");
        var asked = await SentAsync("7001", 1);
        Assert.NotEmpty(asked[^1].Choices);
        await SendAsync(7001, "/tonghop", "private");
        var all = await SentAsync("7001", asked.Count + 2);
        Assert.Contains("chỉ dùng được trong nhóm lãnh đạo", all[asked.Count].Text);
        Assert.Equal(Core.Dialogs.RouterTexts.HelpInDialog + "\n\n" + asked[^1].Text, all[asked.Count + 1].Text);
        Assert.Equal(asked[^1].Choices.SelectMany(r => r).Select(c => c.Label), all[asked.Count + 1].Choices.SelectMany(r => r).Select(c => c.Label));
    }
}
