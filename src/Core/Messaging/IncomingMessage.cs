namespace YouthMonth.Core.Messaging;

/// <summary>
/// A platform update mapped to what the dialogs need, whatever channel it came from.
/// Stored as JSON in the inbox, so keep it a plain serialisable record.
/// </summary>
public sealed record IncomingMessage
{
    public required Channel Channel { get; init; }
    public required string ChatId { get; init; }
    public ChatType ChatType { get; init; } = ChatType.Private;
    public string? UserId { get; init; }
    public string? UserName { get; init; }
    /// <summary>Platform message id (Telegram int as string, Zalo string).</summary>
    public string? MessageId { get; init; }
    public DateTimeOffset SentAt { get; init; }
    /// <summary>Text or caption, NFC-normalised.</summary>
    public string? Text { get; init; }
    /// <summary>Command name without slash and without @botname, lower-case ("baocao"); null when not a command.</summary>
    public string? Command { get; init; }
    public string? CommandArgs { get; init; }
    /// <summary>A pressed button's data (Telegram callback_data).</summary>
    public string? CallbackData { get; init; }
    public string? CallbackQueryId { get; init; }
    public SharedContact? Contact { get; init; }
    public IReadOnlyList<IncomingPhoto> Photos { get; init; } = [];
    /// <summary>Telegram album id; all photos of an album share it.</summary>
    public string? MediaGroupId { get; init; }
    /// <summary>The platform could not deliver the content (Zalo message.unsupported.received).</summary>
    public bool Unsupported { get; init; }
}

/// <summary>A phone number shared with Telegram's request_contact button.</summary>
public sealed record SharedContact(string PhoneNumber, string? UserId, string? FirstName);

/// <summary>
/// One image as the platform gives it: a Telegram file_id (largest size) or a Zalo image URL.
/// The bytes are fetched by the channel adapter and stored as a <see cref="Reporting.Photo"/>.
/// </summary>
public sealed record IncomingPhoto
{
    public string? FileId { get; init; }
    public string? FileUniqueId { get; init; }
    public string? Url { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    public long? FileSize { get; init; }
    /// <summary>Set once the adapter has downloaded and stored the image.</summary>
    public int? StoredPhotoId { get; init; }
    /// <summary>
    /// Set when the image was not stored (too large, not a JPEG/PNG/WebP, no longer downloadable); then
    /// <see cref="StoredPhotoId"/> is null and the dialog should say so (<see cref="PhotoRejections.Explain"/>).
    /// </summary>
    public PhotoRejection? RejectedReason { get; init; }
    /// <summary>The size limit the adapter applied, so a "too large" reply can name it.</summary>
    public long? MaxBytes { get; init; }
    /// <summary>The file's name when the image was sent as a file (Telegram document); shown to the office when it failed.</summary>
    public string? FileName { get; init; }
    /// <summary>What the platform answered when the download failed ("HTTP 503", "hết thời gian chờ"); for the office.</summary>
    public string? FailureDetail { get; init; }
}

/// <summary>
/// Why a photo was not stored. <see cref="DownloadFailed"/>: the platform's file server kept failing (5xx, timeouts)
/// through every retry of the message; the message is handled anyway, so the report can still be finished.
/// </summary>
public enum PhotoRejection { TooLarge, NotAnImage, Unavailable, DownloadFailed }

public static class PhotoRejections
{
    /// <summary>A reply that tells the sender what was wrong with the photo and what to do.</summary>
    public static string Explain(PhotoRejection reason, long? maxBytes) => reason switch
    {
        PhotoRejection.TooLarge => MessagingTexts.TooLarge(maxBytes is { } max ? Size(max) : null),
        PhotoRejection.NotAnImage => MessagingTexts.NotAnImage,
        PhotoRejection.DownloadFailed => MessagingTexts.DownloadFailed,
        _ => MessagingTexts.PhotoUnavailable,
    };

    /// <summary>The reason in a few plain words, for the review screen and the office ("ảnh quá lớn (tối đa 10 MB)").</summary>
    public static string Short(PhotoRejection reason, long? maxBytes = null) => reason switch
    {
        PhotoRejection.TooLarge => MessagingTexts.ShortTooLarge(maxBytes is { } max ? Size(max) : null),
        PhotoRejection.NotAnImage => MessagingTexts.ShortNotAnImage,
        PhotoRejection.DownloadFailed => MessagingTexts.ShortDownloadFailed,
        _ => MessagingTexts.ShortUnavailable,
    };

    /// <summary>"10 MB", "2,5 MB", "512 KB".</summary>
    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? Math.Round(bytes / (1024m * 1024m), 1).ToString("0.#", VietnamTime.Culture) + " MB"
        : Math.Max(1, bytes / 1024).ToString(VietnamTime.Culture) + " KB";
}
