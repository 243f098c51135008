using System.Text.Json;
using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Tests.Channels;

/// <summary>Platform payloads → IncomingMessage, and the small rules around them.</summary>
public sealed class MappingTests
{
    private static JsonElement Json(string s) => JsonDocument.Parse(s).RootElement;

    [Fact]
    public void Telegram_photo_takes_the_largest_size_whatever_its_position()
    {
        var update = TelegramUpdateMapper.Map(("""
            {"update_id":5,"message":{"message_id":9,"date":1700000000,"from":{"id":42,"first_name":"An"},
             "chat":{"id":-1001234567890,"type":"supergroup","title":"Team"},"media_group_id":"13579","caption":"site A",
             "photo":[{"file_id":"big","file_unique_id":"u2","width":1280,"height":960,"file_size":150000},
                      {"file_id":"small","file_unique_id":"u1","width":90,"height":67,"file_size":1200}],"botToken":"123:ABC"}}
            """), "TestNameBot");
        var m = Assert.IsType<InboundUpdate.Message>(update);
        Assert.Equal("5", m.UpdateKey);
        Assert.Equal("big", Assert.Single(m.Incoming.Photos).FileId);
        Assert.Equal(ChatType.Group, m.Incoming.ChatType);
        Assert.Equal("-1001234567890", m.Incoming.ChatId);
        Assert.Equal("site A", m.Incoming.Text);
        Assert.Equal("13579", m.Incoming.MediaGroupId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1700000000), m.Incoming.SentAt);
    }

    [Fact]
    public void Telegram_callback_contact_migration_and_block_are_recognised()
    {
        var callback = Assert.IsType<InboundUpdate.Message>(TelegramUpdateMapper.Map(("""
            {"update_id":8,"callback_query":{"id":"1","from":{"id":42,"first_name":"An"},"message":{"message_id":4,"chat":{"id":42,"type":"private"}},"data":"r:1:ok"}}
            """), null)).Incoming;
        Assert.Equal(("r:1:ok", "1", "42"), (callback.CallbackData, callback.CallbackQueryId, callback.ChatId));

        var contact = Assert.IsType<InboundUpdate.Message>(TelegramUpdateMapper.Map(("""
            {"update_id":9,"message":{"message_id":5,"from":{"id":42,"first_name":"An"},"chat":{"id":42,"type":"private"},
             "contact":{"phone_number":"+84900000000","first_name":"An","user_id":42}}}
            """), null)).Incoming;
        Assert.Equal(new SharedContact("+84900000000", "42", "An"), contact.Contact);

        Assert.Equal(new InboundUpdate.ChatMigrated("-100777", "-1001234"), TelegramUpdateMapper.Map(("""
            {"update_id":10,"message":{"message_id":6,"chat":{"id":-100777,"type":"group"},"migrate_to_chat_id":-1001234}}
            """), null));
        Assert.Equal(new InboundUpdate.ChatBlocked("42"), TelegramUpdateMapper.Map(("""
            {"update_id":11,"my_chat_member":{"chat":{"id":42,"type":"private"},"from":{"id":42},"date":1,
             "old_chat_member":{"status":"member"},"new_chat_member":{"status":"kicked"}}}
            """), null));
        Assert.IsType<InboundUpdate.Ignored>(TelegramUpdateMapper.Map(("""
            {"update_id":12,"message":{"message_id":7,"chat":{"id":-100777,"type":"group"},"new_chat_members":[{"id":1}]}}
            """), null));
    }

    [Theory]
    [InlineData("/baocao", "TestNameBot", true, "baocao", null)]
    [InlineData("/BaoCao@testnamebot tuần 2", "TestNameBot", true, "baocao", "tuần 2")]
    [InlineData("/start abc_123", null, true, "start", "abc_123")]
    [InlineData("/baocao@OtherBot", "TestNameBot", false, "baocao", null)]
    public void Commands_are_read_the_same_on_every_channel(string text, string? bot, bool ours, string command, string? args)
    {
        Assert.True(CommandText.TryParse(text, bot, out var c, out var a, out var forOther));
        Assert.Equal((command, args, !ours), (c, a, forOther));
        Assert.False(CommandText.TryParse("báo cáo / tuần", bot, out _, out _, out _));
    }

    [Fact]
    public void Zalo_events_map_wrapped_or_not_with_any_image_field()
    {
        const string inner = """{"event_name":"message.image.received","message":{"from":{"id":"u1","display_name":"Ted"},"chat":{"id":"u1","chat_type":"PRIVATE"},"photo":"https://x/p.jpg","message_id":"abc","date":1750316131602}}""";
        foreach (var body in new[] { inner, $$"""{"ok":true,"result":{{inner}}}""" })
        {
            var m = Assert.IsType<InboundUpdate.Message>(ZaloUpdateMapper.Map(Json(body)));
            Assert.Equal("message.image.received:abc", m.UpdateKey);
            Assert.Equal("https://x/p.jpg", Assert.Single(m.Incoming.Photos).Url);
        }
        var both = Assert.IsType<InboundUpdate.Message>(ZaloUpdateMapper.Map(Json(inner.Replace("\"photo\":", "\"photo_url\":\"https://x/real.jpg\",\"photo\":"))));
        Assert.Equal("https://x/real.jpg", both.Incoming.Photos[0].Url);
        Assert.Throws<MalformedUpdateException>(() => ZaloUpdateMapper.Map(Json("""{"event_name":"message.text.received"}""")));
    }

    [Fact]
    public void Numbered_answers_match_number_or_label_without_diacritics()
    {
        IReadOnlyList<Choice> choices = [new("k:1", "Có hoạt động"), new("k:2", "Không có hoạt động")];
        Assert.Equal("k:2", ChoiceAnswers.Match("2", choices));
        Assert.Equal("k:2", ChoiceAnswers.Match(" 2. ", choices));
        Assert.Equal("k:2", ChoiceAnswers.Match("khong co HOAT DONG", choices));
        Assert.Null(ChoiceAnswers.Match("3", choices));
        Assert.Null(ChoiceAnswers.Match("có lẽ", choices));
    }

    [Fact]
    public void Text_splits_on_line_boundaries_within_the_limit()
    {
        var text = string.Join('\n', Enumerable.Range(1, 50).Select(i => $"dòng {i} " + new string('a', 30)));
        var parts = TextSplitter.Split(text, 200);
        Assert.All(parts, p => Assert.True(p.Length <= 200));
        Assert.Equal(text, string.Join('\n', parts));
        var oneLine = new string('x', 450);
        Assert.Equal(oneLine, string.Concat(TextSplitter.Split(oneLine, 200)));
        Assert.Equal(["ngắn"], TextSplitter.Split("ngắn", 4096));
    }

    [Fact]
    public void Secret_comparison_rejects_everything_but_the_exact_secret()
    {
        Assert.True(WebhookSecret.Matches("abc_DEF-123", "abc_DEF-123", required: true));
        Assert.False(WebhookSecret.Matches("abc_DEF-123", "abc_DEF-124", required: true));
        Assert.False(WebhookSecret.Matches("abc_DEF-123", null, required: true));
        Assert.False(WebhookSecret.Matches(null, "anything", required: true));
        Assert.True(WebhookSecret.Matches(null, null, required: false));
    }

    [Fact]
    public void Pacing_scope_is_the_bot_id_never_the_secret()
    {
        Assert.Equal("telegram:123456", PacingLimits.ScopeOf("Telegram", "123456:AAH-secret"));
        Assert.Equal("zalo:-", PacingLimits.ScopeOf("Zalo", "no-colon-secret"));
        Assert.Equal("zalo:-", PacingLimits.ScopeOf("Zalo", "abc:secret"));
        Assert.Equal("telegram:-", PacingLimits.ScopeOf("Telegram", null));
    }

    [Fact]
    public void Magic_bytes_decide_what_is_an_image()
    {
        Assert.Equal("image/jpeg", PhotoLibrary.DetectContentType(Infrastructure.TestImages.Jpeg()));
        Assert.Equal("image/png", PhotoLibrary.DetectContentType(Infrastructure.TestImages.Png()));
        Assert.Equal("image/webp", PhotoLibrary.DetectContentType("RIFF\0\0\0\0WEBPVP8 "u8));
        Assert.Null(PhotoLibrary.DetectContentType(Infrastructure.TestImages.NotAnImage()));
        Assert.Null(PhotoLibrary.DetectContentType("GIF89a"u8));
    }
}
