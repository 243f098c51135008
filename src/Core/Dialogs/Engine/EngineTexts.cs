namespace YouthMonth.Core.Dialogs.Engine;

/// <summary>What the engine itself says: buttons every prompt shares and the re-prompts for answers it cannot read.</summary>
public static class EngineTexts
{
    public const string Yes = "Có";
    public const string No = "Không";
    public const string Skip = "Bỏ qua";
    public const string Done = "Xong";
    public const string Today = "Hôm nay";
    public const string Yesterday = "Hôm qua";

    public const string NotAChoice =
        "Mình chưa hiểu lựa chọn này. Bạn bấm một nút, hoặc trả lời bằng số thứ tự (ví dụ: 1).";
    public const string StaleButton = "Nút này thuộc câu hỏi trước. Bạn trả lời câu hỏi dưới đây nhé.";
    public static string NotYesNo(string yes, string no) => $"Bạn trả lời \"{yes}\" hoặc \"{no}\" (hoặc 1 / 2) nhé.";
    public static string OutOfRange(int count) =>
        $"Chỉ có các lựa chọn từ 1 đến {count}. Bạn bấm một nút, hoặc trả lời bằng số thứ tự trong danh sách.";
    public const string PhotoNotNow = "Bước này chưa nhận ảnh. Bạn trả lời câu hỏi dưới đây trước; bot sẽ hỏi ảnh ở bước gửi ảnh.";
    public const string CannotSkip = "Câu này cần câu trả lời, không bỏ qua được.";
    public const string LinkRequired =
        "Kỳ này cần link bài đăng về hoạt động (Facebook, website). Chưa có thì đăng bài rồi gửi link vào đây; bot giữ phần bạn đã làm.";
    public const string TypeSomeWords = " Bạn gõ vài chữ nhé.";
    public const string NoWords = "Tin nhắn chỉ có biểu tượng, chưa có chữ. Bạn gõ câu trả lời bằng chữ nhé.";
    public const string EmptyText = "Tin nhắn trống. Bạn gõ câu trả lời bằng chữ nhé.";
    public const string PhotoExpected = "Bạn gửi ảnh (có thể gửi nhiều ảnh một lúc), rồi bấm \"Xong\" hoặc gõ \"xong\".";
    public const string TextExpected = "Câu hỏi này cần trả lời bằng chữ, không phải ảnh.";
    public static string FutureDate(string example) => $"Ngày hoạt động không thể sau hôm nay. Bạn gõ lại ngày, ví dụ: {example}.";

    /// <summary>"(Gõ "bỏ qua" hoặc "bỏ qua hết".)" for a number question on a channel without buttons.</summary>
    public static string TypeToSkip(IEnumerable<string> labels) =>
        "(Không có thì gõ " + string.Join(" hoặc ", labels.Select(l => $"\"{l.ToLower(VietnamTime.Culture)}\"")) + ".)";

    public static string TooLong(int max) => $"Nội dung dài quá (tối đa {max} ký tự). Bạn gửi bản ngắn gọn hơn nhé.";
    public static string WithExample(string error, string? example) =>
        example is null || error.Contains("ví dụ", StringComparison.OrdinalIgnoreCase) ? error : $"{error} Ví dụ: {example}";

    /// <summary>
    /// The text for a channel without buttons (Zalo, the local chat): "bấm \"Xong\"" becomes "gõ \"Xong\"", since
    /// there the person types the choice (or its number) instead of pressing it; no "bấm một nút" where there is none.
    /// </summary>
    public static string ForTyping(string text) =>
        System.Text.RegularExpressions.Regex.Replace(
            text.Replace("bấm \"Xong\" hoặc gõ \"xong\"", "gõ \"Xong\"", StringComparison.Ordinal)
                .Replace("Bạn bấm một nút, hoặc trả lời bằng số thứ tự", "Bạn trả lời bằng số thứ tự", StringComparison.Ordinal),
            "bấm (?=\"|Bỏ qua|Hôm nay)", "gõ ");
}
