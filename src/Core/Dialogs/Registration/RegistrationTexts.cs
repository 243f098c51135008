namespace YouthMonth.Core.Dialogs.Registration;

/// <summary>Everything the bot says while binding a chat to a contact or a leader group.</summary>
public static class RegistrationTexts
{
    public const string NotRegistered =
        "Bot này dùng để các đơn vị Đoàn gửi báo cáo. Bạn chưa đăng ký nên bot chưa thể nhận báo cáo của bạn.\n" +
        "Để đăng ký, bạn mở đường link mời do văn phòng Đoàn gửi, hoặc gõ mã mời (ví dụ: Ab3dEf7hJk).";
    public const string ShareHint = "Trên Telegram, bạn cũng có thể bấm nút \"Chia sẻ số điện thoại\" để bot tìm bạn trong danh sách.";
    public const string InvalidCode = "Mã mời không đúng. Bạn kiểm tra lại mã (phân biệt chữ hoa, chữ thường) hoặc liên hệ văn phòng Đoàn để lấy mã mới.";
    public const string UsedCode = "Mã mời này đã được dùng. Mỗi mã chỉ dùng một lần; bạn liên hệ văn phòng Đoàn để lấy mã mới.";
    public const string ExpiredCode = "Mã mời này đã hết hạn. Bạn liên hệ văn phòng Đoàn để lấy mã mới.";
    public const string LeaderCodeInPrivate =
        "Mã này dùng để đăng ký nhóm lãnh đạo. Bạn thêm bot vào nhóm rồi gõ trong nhóm: /start@tên_bot <mã>.";
    public const string ContactCodeInGroup = "Mã này dành cho cá nhân. Bạn nhắn riêng cho bot và gõ mã ở đó nhé.";
    public const string NotOwnPhone = "Bạn hãy chia sẻ số điện thoại của chính mình (bấm nút \"Chia sẻ số điện thoại\").";
    public const string PhoneNotFound =
        "Số điện thoại này chưa có trong danh sách liên hệ của các đơn vị. Bạn dùng mã mời do văn phòng Đoàn gửi để đăng ký.";
    public const string PhoneAmbiguous =
        "Số điện thoại này có ở nhiều đơn vị. Bạn dùng mã mời do văn phòng Đoàn gửi để đăng ký đúng đơn vị.";
    public const string GroupHowTo =
        "Để đăng ký nhóm lãnh đạo, gõ trong nhóm: /start@tên_bot <mã mời của nhóm> (mã do văn phòng Đoàn cấp).";
    public const string MenuStart = "Đăng ký bằng mã mời";
    public const string SharePhoneButton = "Chia sẻ số điện thoại";

    public static string TooManyWrongCodes(int minutes) =>
        $"Bạn đã nhập sai mã mời quá nhiều lần. Bạn vui lòng chờ khoảng {minutes} phút rồi thử lại, " +
        "hoặc liên hệ văn phòng Đoàn để được cấp mã mới. Trong thời gian này bot sẽ không kiểm tra mã.";

    public static string Welcome(string contact, string unit) =>
        $"Chào {contact}! Bạn đã đăng ký báo cáo cho {unit}.\n" +
        "Gõ /baocao để gửi báo cáo, /trangthai để xem tình hình, /trogiup để xem hướng dẫn.";

    public static string WelcomeBack(string contact, string unit) =>
        $"Chào {contact}, bạn đang báo cáo cho {unit}. Gõ /baocao để gửi báo cáo, /trogiup để xem hướng dẫn.";

    public static string WelcomeBackInDialog(string contact, string unit) => $"Chào {contact}, bạn đang báo cáo cho {unit}.";

    public const string DraftDropped =
        "Báo cáo đang làm dở (chưa gửi) đã bỏ, vì chat này vừa đăng ký cho người khác. Báo cáo đã gửi trước đó vẫn giữ nguyên.";

    public static string LeaderWelcome(string name) =>
        $"Đã đăng ký nhóm \"{name}\". Bot sẽ gửi vào đây thông báo đơn vị chưa báo cáo và bản tổng hợp. Gõ /tonghop để xem tổng hợp.";
}
