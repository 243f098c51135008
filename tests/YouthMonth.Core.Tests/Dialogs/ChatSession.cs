using System.Text;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// One person's chat with the bot in a test: typed text, commands, button presses, photos and albums, a shared
/// phone. Every exchange is recorded so a test can write it out as a transcript.
/// </summary>
public sealed class ChatSession(DialogHarness harness, Channel channel, string chatId, string speaker, ChatType type)
{
    private readonly StringBuilder _transcript = new();
    private int _messageId;

    public string ChatId => chatId;
    public Channel Channel => channel;
    /// <summary>The bot's last reply.</summary>
    public OutgoingMessage? Last { get; private set; }
    public string LastText => Last?.Text ?? "";
    public string Transcript => _transcript.ToString();
    /// <summary>What the person did: each message, button press, photo and album counts one.</summary>
    public int Actions { get; private set; }

    /// <summary>Text as typed; "/cmd args" and "/cmd@bot args" become commands as the channel adapters read them.</summary>
    public Task<List<OutgoingMessage>> Say(string text)
    {
        var message = Base() with { Text = text };
        if (CommandText.TryParse(text, null, out var cmd, out var args, out _)) message = message with { Command = cmd, CommandArgs = args };
        return Send(message, text);
    }

    /// <summary>A Telegram button press on the last reply, found by its label.</summary>
    public Task<List<OutgoingMessage>> Press(string label)
    {
        var choice = (Last?.Choices ?? []).SelectMany(r => r).FirstOrDefault(c => c.Label == label)
            ?? throw new InvalidOperationException($"No button \"{label}\" in: {LastText}\n{string.Join(" | ", (Last?.Choices ?? []).SelectMany(r => r).Select(c => c.Label))}");
        return Send(Base() with { CallbackData = choice.Key, CallbackQueryId = Guid.NewGuid().ToString("N") }, $"[{label}]");
    }

    /// <summary>A button from an older message: its key no longer belongs to the question asked.</summary>
    public Task<List<OutgoingMessage>> PressStale(string key) =>
        Send(Base() with { CallbackData = key, CallbackQueryId = Guid.NewGuid().ToString("N") }, $"[nút cũ: {key}]");

    /// <summary>A sticker, voice note or file: something the channel adapter cannot read.</summary>
    public Task<List<OutgoingMessage>> Sticker() => Send(Base() with { Unsupported = true }, "(gửi nhãn dán)");

    public Task<List<OutgoingMessage>> Photo(int photoId, string? caption = null) =>
        Send(Base() with { Text = caption, Photos = [new IncomingPhoto { FileId = "f" + photoId, StoredPhotoId = photoId }] }, "(gửi 1 ảnh)");

    /// <summary>A photo the channel adapter could not store (too large, not an image, the file server failing through every retry).</summary>
    public Task<List<OutgoingMessage>> FailedPhoto(PhotoRejection reason, string? caption = null, string? detail = null, string? fileName = null) =>
        Send(Base() with
        {
            Text = caption,
            Photos = [new IncomingPhoto { FileId = "f-failed", RejectedReason = reason, FailureDetail = detail, FileName = fileName }],
        }, "(gửi 1 ảnh, bot không tải được)");

    /// <summary>An album whose photos are stored except those given as null (not downloadable, <paramref name="reason"/>).</summary>
    public async Task<List<OutgoingMessage>> AlbumWithFailures(PhotoRejection reason, params int?[] photoIds)
    {
        var group = Guid.NewGuid().ToString("N")[..12];
        foreach (var id in photoIds)
            await harness.StoreAsync(Base() with
            {
                MediaGroupId = group,
                Photos = [id is { } stored ? new IncomingPhoto { FileId = "f" + stored, StoredPhotoId = stored } : new IncomingPhoto { FileId = "f-failed", RejectedReason = reason }],
            });
        var replies = await harness.ProcessAsync(channel, chatId);
        Record($"(gửi album {photoIds.Length} ảnh, bot không tải được {photoIds.Count(i => i is null)} ảnh)", replies);
        return replies;
    }

    /// <summary>An album: one message per photo with the same media group, all stored before the bot handles them.</summary>
    public async Task<List<OutgoingMessage>> Album(params int[] photoIds)
    {
        var group = Guid.NewGuid().ToString("N")[..12];
        foreach (var id in photoIds)
            await harness.StoreAsync(Base() with { MediaGroupId = group, Photos = [new IncomingPhoto { FileId = "f" + id, StoredPhotoId = id }] });
        var replies = await harness.ProcessAsync(channel, chatId);
        Record($"(gửi album {photoIds.Length} ảnh)", replies);
        return replies;
    }

    /// <summary>A shared contact card; <paramref name="noUserId"/> is a card of someone not on Telegram (no user_id).</summary>
    public Task<List<OutgoingMessage>> SharePhone(string phone, string? ownerUserId = null, bool noUserId = false) =>
        Send(Base() with { Contact = new SharedContact(phone, noUserId ? null : ownerUserId ?? "u-" + chatId, speaker) }, "(chia sẻ số điện thoại)");

    /// <summary>A line in the transcript saying what happened between messages ("bot khởi động lại").</summary>
    public void Mark(string note) => _transcript.Append("_— ").Append(note).Append(" —_\n\n");

    private IncomingMessage Base() => new()
    {
        Channel = channel, ChatId = chatId, ChatType = type, UserId = "u-" + chatId, UserName = speaker,
        MessageId = (++_messageId).ToString(System.Globalization.CultureInfo.InvariantCulture), SentAt = DateTimeOffset.UtcNow,
    };

    private async Task<List<OutgoingMessage>> Send(IncomingMessage message, string shown)
    {
        var replies = await harness.DeliverAsync(message);
        Record(shown, replies);
        return replies;
    }

    private void Record(string shown, List<OutgoingMessage> replies)
    {
        Actions++;
        if (replies.Count > 0) Last = replies[^1];
        _transcript.Append("**").Append(speaker).Append(":** ").Append(shown).Append("\n\n");
        foreach (var r in replies)
        {
            var text = channel == Channel.Telegram ? r.Text : ChoiceAnswers.RenderNumbered(r.Text, r.Choices);
            _transcript.Append("> **Bot:** ").Append(text.Replace("\n", "\n> ")).Append('\n');
            if (channel == Channel.Telegram && r.Choices.Count > 0)
                _transcript.Append(">\n> ").Append(string.Join("\n> ", r.Choices.Select(row => string.Join(" ", row.Select(c => $"`[{c.Label}]`"))))).Append('\n');
            if (r.RequestContact) _transcript.Append(">\n> `[Chia sẻ số điện thoại]`\n");
            _transcript.Append('\n');
        }
    }
}
