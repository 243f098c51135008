using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Channels.Telegram;

/// <summary>Outbox messages as Telegram messages: HTML-escaped text, inline keyboards, photos by file_id or upload.</summary>
public sealed class TelegramSender(TelegramClient client, IOptions<TelegramOptions> options, IServiceProvider services) : IChannelSender
{
    public const int TextLimit = 4096;
    public const int CaptionLimit = 1024;

    public Channel Channel => Channel.Telegram;
    public bool Enabled => options.Value.Enabled;
    public bool NumbersChoices => false;
    public SendPacer Pacer { get; } = new(options.Value.MessagesPerSecond,
        TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMs), options.Value.GroupMessagesPerMinute);

    public static object? Keyboard(OutgoingMessage message, ChatType chatType)
    {
        if (message.Choices.Any(r => r.Count > 0))
            return new
            {
                inline_keyboard = message.Choices.Where(r => r.Count > 0).Select(row => row.Select(c =>
                {
                    if (Encoding.UTF8.GetByteCount(c.Key) is < 1 or > 64)
                        throw new ArgumentException($"Choice key '{c.Key}' must be 1-64 bytes (Telegram callback_data).");
                    return new { text = c.Label, callback_data = c.Key };
                })),
            };
        if (message.RequestContact && chatType == ChatType.Private)
            return new
            {
                keyboard = new[] { new[] { new { text = "📱 Chia sẻ số điện thoại", request_contact = true } } },
                resize_keyboard = true,
                one_time_keyboard = true,
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
            var caption = captionFits && text.Length > 0 ? TelegramClient.EscapeHtml(text) : null;
            var markup = captionFits ? keyboard : null;
            if (photo.TelegramFileId is not null)
            {
                (lastId, _) = await client.SendPhotoAsync(delivery.ChatId, photo.TelegramFileId, caption, markup, ct);
            }
            else
            {
                var library = services.GetRequiredService<PhotoLibrary>();
                var bytes = await File.ReadAllBytesAsync(library.FullPath(photo.StoragePath), ct);
                (lastId, var fileId) = await client.UploadPhotoAsync(delivery.ChatId, bytes, Path.GetFileName(photo.StoragePath),
                    photo.ContentType, caption, markup, ct);
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
            lastId = await client.SendMessageAsync(delivery.ChatId, TelegramClient.EscapeHtml(parts[i]),
                i == parts.Count - 1 ? keyboard : null, ct);
        }
        return lastId;
    }
}
