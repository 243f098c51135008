namespace YouthMonth.Core.Messaging;

/// <summary>What the message path itself says: a photo it could not take, a message it could not handle.</summary>
public static class MessagingTexts
{
    public const string NotAnImage = "Tệp này không phải ảnh JPEG, PNG hoặc WebP. Bạn vui lòng gửi ảnh chụp (định dạng JPG hoặc PNG).";
    public const string PhotoUnavailable = "Không tải được ảnh này từ máy chủ chat. Bạn vui lòng gửi lại ảnh.";
    public const string Failed =
        "Xin lỗi, hệ thống gặp lỗi khi xử lý tin nhắn này. Bạn vui lòng gửi lại sau ít phút; nếu vẫn lỗi, hãy báo cho văn phòng Đoàn.";

    /// <summary>"Ảnh quá lớn (tối đa 10 MB). …".</summary>
    public static string TooLarge(string? max) =>
        "Ảnh quá lớn" + (max is null ? "" : $" (tối đa {max})") + ". Bạn vui lòng gửi ảnh nhỏ hơn hoặc chụp lại với chất lượng thấp hơn.";
}
