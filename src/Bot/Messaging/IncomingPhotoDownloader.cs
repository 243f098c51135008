using YouthMonth.Bot.Channels;
using YouthMonth.Bot.Channels.Telegram;
using YouthMonth.Bot.Channels.Zalo;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Fetches the photos of a message before the dialogs see it (called by ChatProcessor): Telegram via getFile
/// and download (≤ 20 MB), Zalo by its image URL. Network errors throw, so the message is retried; an image that
/// is too large, not an image or gone reaches the dialogs with <see cref="IncomingPhoto.RejectedReason"/>, and so
/// does one whose download still fails on its last try (before a long wait) (<see cref="PhotoRejection.DownloadFailed"/>):
/// a file server that is down must not dead-letter the person's text and other photos with it.
/// </summary>
public sealed class IncomingPhotoDownloader(
    PhotoLibrary library, IServiceProvider services, ILogger<IncomingPhotoDownloader> logger) : IIncomingMediaStore
{
    public async Task<IncomingMessage> StoreMediaAsync(IncomingMessage message, bool lastAttempt, CancellationToken ct)
    {
        var photos = new List<IncomingPhoto>(message.Photos.Count);
        foreach (var photo in message.Photos)
            photos.Add(photo.StoredPhotoId is not null || photo.RejectedReason is not null ? photo : await StoreAsync(message.Channel, photo, lastAttempt, ct));
        return message with { Photos = photos };
    }

    private async Task<IncomingPhoto> StoreAsync(Channel channel, IncomingPhoto photo, bool lastAttempt, CancellationToken ct)
    {
        IncomingPhoto stored;
        try
        {
            stored = await DownloadAndSaveAsync(channel, photo, ct);
        }
        catch (Exception e) when (lastAttempt && Faults.IsTransient(e) && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Photo of a {Channel} message could not be fetched after its retries; handled without it: {Error}",
                channel, e.GetType().Name);
            return photo with { RejectedReason = PhotoRejection.DownloadFailed, FailureDetail = Detail(e) };
        }
        return stored.RejectedReason == PhotoRejection.TooLarge ? stored with { MaxBytes = MaxBytesFor(channel) } : stored;
    }

    /// <summary>What went wrong, for the office: the HTTP status, or the kind of network failure (never a URL: it may hold the token).</summary>
    private static string Detail(Exception e) => e switch
    {
        ChatApiException { ErrorCode: { } code } => $"HTTP {code}",
        ChatApiException { InnerException: { } inner } => Detail(inner),
        TimeoutException or OperationCanceledException => "hết thời gian chờ",
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        _ => "lỗi mạng",
    };

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
            return photo with { RejectedReason = PhotoRejection.Unavailable, FailureDetail = e.ErrorCode is { } code ? $"HTTP {code}" : null };
        }
    }
}
