namespace YouthMonth.Core.Messaging;

/// <summary>What the message path itself says: a photo it could not take, (the processor's retry replies are in ChatProcessor.Texts).</summary>
public static class MessagingTexts
{
    public const string NotAnImage = "Tệp này không phải ảnh JPEG, PNG hoặc WebP. Bạn vui lòng gửi ảnh chụp (định dạng JPG hoặc PNG).";
    public const string PhotoUnavailable = "Không tải được ảnh này từ máy chủ chat. Bạn vui lòng gửi lại ảnh.";
    public const string DownloadFailed =
        "Máy chủ chat không trả ảnh này cho bot dù đã thử lại nhiều lần (có thể do mạng). Bạn vui lòng gửi lại ảnh.";

    // The same reasons in a few words, for the review screen and the office's report page.
    public static string ShortTooLarge(string? max) => "ảnh quá lớn" + (max is null ? "" : $" (tối đa {max})");
    public const string ShortNotAnImage = "không phải ảnh JPG, PNG hoặc WebP";
    public const string ShortUnavailable = "máy chủ chat không còn giữ ảnh";
    public const string ShortDownloadFailed = "máy chủ chat không trả ảnh sau nhiều lần thử";

    /// <summary>"Ảnh quá lớn (tối đa 10 MB). …".</summary>
    public static string TooLarge(string? max) =>
        "Ảnh quá lớn" + (max is null ? "" : $" (tối đa {max})") + ". Bạn vui lòng gửi ảnh nhỏ hơn hoặc chụp lại với chất lượng thấp hơn.";

    public const string TooManyMessages =
        "Bạn gửi quá nhiều tin nhắn trong thời gian ngắn nên bot tạm bỏ qua một số tin. " +
        "Bạn vui lòng chờ bot trả lời xong rồi gửi tiếp, mỗi lần một tin.";
}
