namespace YouthMonth.Core.Reporting;

/// <summary>A stored image, content-addressed by SHA-256 so the same photo is kept once.</summary>
public class Photo
{
    public int Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of the bytes; unique.</summary>
    public required string Sha256 { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    /// <summary>Path relative to the configured photo root.</summary>
    public required string StoragePath { get; set; }
    /// <summary>Telegram file_id, so the bot can re-send the photo without uploading it.</summary>
    public string? TelegramFileId { get; set; }
    public string? SourceUrl { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A photo attached to a reported activity.</summary>
public class ReportPhoto
{
    public int ReportActivityId { get; set; }
    public ReportActivity? ReportActivity { get; set; }
    public int PhotoId { get; set; }
    public Photo? Photo { get; set; }
    public string? Caption { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>
/// A photo the person sent for an activity that could not be stored (too large, not an image, the platform's file
/// server failing through every retry). The report was sent without it; the office sees which one and why.
/// </summary>
public class ReportPhotoFailure
{
    public int Id { get; set; }
    public int ReportActivityId { get; set; }
    public ReportActivity? ReportActivity { get; set; }
    /// <summary>Which photo of the activity, counting every photo the person sent for it (stored or not) from 1.</summary>
    public int Position { get; set; }
    /// <summary>The file's name when it was sent as a file.</summary>
    public string? FileName { get; set; }
    /// <summary>The message's caption, which often says what the photo shows.</summary>
    public string? Caption { get; set; }
    public Messaging.PhotoRejection Reason { get; set; }
    /// <summary>What the platform answered ("HTTP 503"), when known.</summary>
    public string? Detail { get; set; }
    public DateTimeOffset FailedAt { get; set; }
}
