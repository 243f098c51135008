using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using YouthMonth.Bot.Channels.Local;
using YouthMonth.Bot.Tests.Infrastructure;
using YouthMonth.Testing;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>The local web chat: same inbox, handler and outbox as the real channels, no tokens needed.</summary>
public sealed class LocalChatTests : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly BotApp _app;
    private HttpClient _client = null!;

    public LocalChatTests(DatabaseFixture fixture) => _app = new BotApp(fixture.Database) { UseEchoHandler = true };

    public Task InitializeAsync()
    {
        _client = _app.Client();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<LocalChatApi.LocalReply>> RepliesAsync(string chatId, int count)
    {
        for (var i = 0; ; i++)
        {
            var replies = await _client.GetFromJsonAsync<List<LocalChatApi.LocalReply>>($"/local/messages?chatId={chatId}");
            if (replies!.Count >= count || i > 200) return replies;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Messages_choices_and_numbered_answers_go_through_the_pipeline()
    {
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-1", name = "Lê Hòa", text = "Xin chào" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-1", text = "chọn" })).EnsureSuccessStatusCode();
        var replies = await RepliesAsync("doan-1", 2);
        Assert.Equal("nhận: Xin chào", replies[0].Text);
        Assert.Equal("Chọn một:", replies[1].Text);
        Assert.Equal(["Có", "Không"], replies[1].Choices[0].Select(c => c.Label));

        // Typing the number, and clicking the button on the page, both arrive as the choice's key.
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-1", text = "1" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-1", text = "Không", callbackData = "c:no" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-1", text = "/baocao tuần 1" })).EnsureSuccessStatusCode();
        replies = await RepliesAsync("doan-1", 5);
        Assert.Equal(["bấm: c:yes (1)", "bấm: c:no (Không)", "lệnh: baocao tuần 1"], replies.Skip(2).Select(r => r.Text));

        var chats = await _client.GetFromJsonAsync<List<LocalChatApi.LocalChat>>("/local/chats");
        Assert.Contains(chats!, c => c.ChatId == "doan-1" && c.DisplayName == "Lê Hòa");
    }

    [Fact]
    public async Task Bad_input_gets_a_400_naming_the_field()
    {
        var response = await _client.PostAsJsonAsync("/local/messages", new { chatId = "", text = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("mã cuộc trò chuyện", problem.GetProperty("errors").GetProperty("chatId")[0].GetString());
        response = await _client.PostAsJsonAsync("/local/messages", new { chatId = "doan-2", text = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Photo_uploads_are_stored_once_and_non_images_are_refused()
    {
        async Task Upload(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent { { new StringContent("doan-3"), "chatId" }, { new StringContent("Cờ đỏ"), "caption" } };
            form.Add(new ByteArrayContent(bytes), "file", name);
            (await _client.PostAsync("/local/photos", form)).EnsureSuccessStatusCode();
        }
        var png = TestImages.Png(900, seed: 7);
        await Upload(png, "a.png");
        await Upload(png, "same-again.png");
        await Upload(TestImages.NotAnImage(), "report.pdf");

        var replies = await RepliesAsync("doan-3", 3);
        await using var db = _app.Db();
        var photo = db.Photos.Single(p => p.ContentType == "image/png" && p.SizeBytes == 900);
        Assert.Equal([$"ảnh: {photo.Id} — Cờ đỏ", $"ảnh: {photo.Id} — Cờ đỏ", "ảnh: từ chối NotAnImage — Cờ đỏ"], replies.Select(r => r.Text));
        var served = await _client.GetByteArrayAsync($"/photos/{photo.Sha256}");
        Assert.Equal(png, served);
    }

    [Fact]
    public async Task The_chat_page_is_served_in_Vietnamese()
    {
        var html = await _client.GetStringAsync("/chat");
        Assert.Contains("Trò chuyện thử với bot", html);
        Assert.Contains("/local/messages", html);
    }

    [Fact]
    public async Task Writing_as_a_plan_contact_or_leader_chat_binds_the_local_chat_to_it()
    {
        int contactId, leadersId;
        await using (var db = _app.Db())
        {
            var org = new Core.Plan.Organisation { Name = "Đoàn Thanh niên Quận Ninh Kiều", Place = "Cần Thơ" };
            var unit = new Core.Plan.Unit { Name = "Đoàn phường Tân An", Organisation = org };
            var contact = new Core.Plan.Contact { Name = "Phạm Thu Trang", Role = "Bí thư", Unit = unit };
            var leaders = new Core.Plan.LeaderChat { Name = "Ban Thường vụ", Organisation = org };
            db.AddRange(org, unit, contact, leaders);
            await db.SaveChangesAsync();
            (contactId, leadersId) = (contact.Id, leaders.Id);
        }

        var chats = await _client.GetFromJsonAsync<List<LocalChatApi.LocalChat>>("/local/chats");
        Assert.Contains(chats!, c => c.ChatId == $"contact-{contactId}" && c.DisplayName == "Phạm Thu Trang" && c.BoundTo == "Bí thư — Đoàn phường Tân An");
        Assert.Contains(chats!, c => c.ChatId == $"leaders-{leadersId}" && c.DisplayName == "Ban Thường vụ");

        (await _client.PostAsJsonAsync("/local/messages", new { chatId = $"contact-{contactId}", text = "Xin chào" })).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/local/messages", new { chatId = $"leaders-{leadersId}", text = "/tonghop", group = true })).EnsureSuccessStatusCode();
        Assert.Equal("nhận: Xin chào", (await RepliesAsync($"contact-{contactId}", 1))[0].Text);
        Assert.Equal("lệnh: tonghop", (await RepliesAsync($"leaders-{leadersId}", 1))[0].Text);
        await using var check = _app.Db();
        Assert.Equal(contactId, check.ChatAccounts.Single(a => a.ChatId == $"contact-{contactId}").ContactId);
        var group = check.ChatAccounts.Single(a => a.ChatId == $"leaders-{leadersId}");
        Assert.Equal((leadersId, Core.Messaging.ChatType.Group), (group.LeaderChatId!.Value, group.ChatType));
    }
}
