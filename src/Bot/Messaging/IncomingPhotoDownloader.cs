using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Fetches the photos of a message before the dialogs see it (called by ChatProcessor): Telegram via getFile
/// and download (≤ 20 MB), Zalo by its image URL. Network errors throw, so the message is retried; an image that
/// is too large, not an image or gone reaches the dialogs with <see cref="IncomingPhoto.RejectedReason"/>.
/// </summary>
public sealed class IncomingPhotoDownloader(
    PhotoLibrary library, IServiceProvider services, ILogger<IncomingPhotoDownloader> logger) : IIncomingMediaStore
{
    public async Task<IncomingMessage> StoreMediaAsync(IncomingMessage message, CancellationToken ct)
    {
        var photos = new List<IncomingPhoto>(message.Photos.Count);
        foreach (var photo in message.Photos)
            photos.Add(photo.StoredPhotoId is not null || photo.RejectedReason is not null ? photo : await StoreAsync(message.Channel, photo, ct));
        return message with { Photos = photos };
    }

    private async Task<IncomingPhoto> StoreAsync(Channel channel, IncomingPhoto photo, CancellationToken ct)
    {
        var stored = await DownloadAndSaveAsync(channel, photo, ct);
        return stored.RejectedReason == PhotoRejection.TooLarge ? stored with { MaxBytes = MaxBytesFor(channel) } : stored;
    }

    /// <summary>The Bot API serves files up to 20 MB; the configured limit may be lower.</summary>
    private long MaxBytesFor(Channel channel) =>
        channel == Channel.Telegram ? Math.Min(library.MaxBytes, 20L * 1024 * 1024) : library.MaxBytes;

    private async Task<IncomingPhoto> DownloadAndSaveAsync(Channel channel, IncomingPhoto photo, CancellationToken ct)
    {
        try
        {
            byte[]? bytes;
            switch (channel)
            {
                case Channel.Telegram when photo.FileId is not null:
                    var telegram = services.GetRequiredService<TelegramApi>();
                    var limit = MaxBytesFor(channel);
                    if (photo.FileSize > limit) return photo with { RejectedReason = PhotoRejection.TooLarge };
                    var (path, size) = await telegram.GetFileAsync(photo.FileId, ct);
                    if (size > limit) return photo with { RejectedReason = PhotoRejection.TooLarge };
                    if (path is null) return photo with { RejectedReason = PhotoRejection.Unavailable };
                    bytes = await telegram.DownloadFileAsync(path, limit, ct);
                    break;
                case Channel.Zalo when photo.Url is not null:
                    bytes = await services.GetRequiredService<ZaloClient>().DownloadAsync(photo.Url, library.MaxBytes, ct);
                    break;
                default:
                    return photo with { RejectedReason = PhotoRejection.Unavailable };
            }
            if (bytes is null) return photo with { RejectedReason = PhotoRejection.TooLarge };

            var (stored, rejected) = await library.SaveAsync(bytes, channel == Channel.Telegram ? photo.FileId : null,
                photo.Url, photo.Width, photo.Height, ct);
            return photo with { StoredPhotoId = stored?.Id, RejectedReason = rejected };
        }
        catch (ChatApiException e) when (!e.IsTransient && !e.IsRateLimited)
        {
            logger.LogWarning("Photo of a {Channel} message could not be fetched: {Error}", channel, e.Message);
            return photo with { RejectedReason = PhotoRejection.Unavailable };
        }
    }
}
