using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types.ReplyMarkups;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>Outbox messages as Telegram messages: HTML-escaped text, inline keyboards, photos by file_id or upload.</summary>
public sealed class TelegramSender(TelegramApi client, IOptions<TelegramOptions> options, IServiceProvider services) : IChannelSender
{
    public const int TextLimit = 4096;
    public const int CaptionLimit = 1024;

    public Channel Channel => Channel.Telegram;
    public bool Enabled => options.Value.Enabled;
    public bool NumbersChoices => false;
    public PacingLimits? Pacing { get; } = new(PacingLimits.ScopeOf(nameof(Channel.Telegram), options.Value.Token),
        options.Value.MessagesPerSecond, TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMs), options.Value.GroupMessagesPerMinute);

    public static ReplyMarkup? Keyboard(OutgoingMessage message, ChatType chatType)
    {
        if (message.Choices.Any(r => r.Count > 0))
            return new InlineKeyboardMarkup(message.Choices.Where(r => r.Count > 0).Select(row => row.Select(c =>
            {
                if (Encoding.UTF8.GetByteCount(c.Key) is < 1 or > 64)
                    throw new ArgumentException($"Choice key '{c.Key}' must be 1-64 bytes (Telegram callback_data).");
                return InlineKeyboardButton.WithCallbackData(c.Label, c.Key);
            }).ToArray()).ToArray());
        if (message.RequestContact && chatType == ChatType.Private)
            return new ReplyKeyboardMarkup(KeyboardButton.WithRequestContact("📱 Chia sẻ số điện thoại"))
            {
                ResizeKeyboard = true,
                OneTimeKeyboard = true,
            };
        return null;
    }

    public async Task<string?> SendAsync(OutboundDelivery delivery, CancellationToken ct)
    {
        var message = delivery.Message;
        var keyboard = Keyboard(message, delivery.ChatType);
        string? lastId = null;
        var text = message.Text;

        if (message.PhotoId is { } photoId)
        {
            var photo = await delivery.Db.Photos.SingleAsync(p => p.Id == photoId, ct);
            var captionFits = text.Length <= CaptionLimit;
            var caption = captionFits && text.Length > 0 ? TelegramApi.EscapeHtml(text) : null;
            var markup = captionFits ? keyboard : null;
            if (photo.TelegramFileId is not null)
            {
                (lastId, _) = await client.SendPhotoAsync(delivery.ChatId, photo.TelegramFileId, null, null, caption, markup, ct);
            }
            else
            {
                var path = services.GetRequiredService<PhotoLibrary>().FullPath(photo.StoragePath);
                if (!File.Exists(path)) throw new FileNotFoundException("Stored photo file is missing", photo.StoragePath);
                (lastId, var fileId) = await client.SendPhotoAsync(delivery.ChatId, null, () => File.OpenRead(path),
                    Path.GetFileName(photo.StoragePath), caption, markup, ct);
                // Next time the photo goes by file_id, without uploading.
                if (fileId is not null) photo.TelegramFileId = fileId;
            }
            if (captionFits) return lastId;
            await delivery.NextPart(ct);
        }

        var parts = TextSplitter.Split(text, TextLimit);
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0) await delivery.NextPart(ct);
            lastId = await client.SendMessageAsync(delivery.ChatId, TelegramApi.EscapeHtml(parts[i]),
                i == parts.Count - 1 ? keyboard : null, ct);
        }
        return lastId;
    }
}
