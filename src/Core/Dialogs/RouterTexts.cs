namespace YouthMonth.Core.Dialogs;

/// <summary>What the router says: help, cancel, the idle hint and the resume question.</summary>
public static class RouterTexts
{
    public const string Help =
        "Hướng dẫn báo cáo:\n" +
        "/baocao — gửi báo cáo kỳ này (hoạt động, số liệu, tin, link, ảnh)\n" +
        "/trangthai — xem đơn vị đã gửi gì, còn thiếu gì\n" +
        "/sua — sửa báo cáo đã gửi (trước hạn)\n" +
        "/huy — hủy việc đang làm dở\n" +
        "/trogiup — xem lại hướng dẫn này\n\n" +
        "Khi bot hỏi, bạn bấm nút hoặc trả lời bằng số thứ tự; gõ có dấu hay không dấu đều được. " +
        "Số viết kiểu Việt Nam: 1.000 là một nghìn, 2,5 là hai phẩy năm, 1tr5 là 1.500.000.";

    public const string LeaderHelp =
        "Nhóm này là nhóm lãnh đạo: bot gửi vào đây thông báo đơn vị chưa báo cáo và bản tổng hợp sau mỗi hạn.\n" +
        "/summary hoặc /tonghop — xem tổng hợp kỳ gần nhất.";

    public const string HelpInDialog = "Bạn đang làm dở một báo cáo. Trả lời câu hỏi dưới đây để tiếp tục, hoặc gõ /huy để hủy.";
    public const string Cancelled = "Đã hủy việc đang làm. Báo cáo đã gửi trước đó (nếu có) vẫn giữ nguyên. Gõ /baocao khi bạn muốn báo cáo lại.";
    public const string NothingToCancel = "Bạn không có việc gì đang làm dở. Gõ /baocao để báo cáo.";
    public const string Idle = "Chào bạn! Gõ /baocao để gửi báo cáo, /trangthai để xem tình hình, /trogiup để xem hướng dẫn.";
    public const string LeaderCannotReport = "Nhóm lãnh đạo không gửi báo cáo. Bí thư các đơn vị báo cáo qua tin nhắn riêng với bot.";
    public const string Unsupported = "Bot chưa đọc được loại tin này (nhãn dán, tệp, tin thoại…). Bạn trả lời bằng chữ, số hoặc ảnh nhé.";
    public const string PlanChanged = "Kế hoạch vừa được văn phòng Đoàn thay đổi nên bot không tiếp tục được báo cáo đang làm dở. Bạn gõ /baocao để bắt đầu lại nhé.";
    public const string PhotosKept = "Đã giữ ảnh bạn gửi; bot sẽ gắn vào hoạt động ở bước gửi ảnh.";
    public const string MenuCancel = "Hủy việc đang làm dở";
    public const string MenuHelp = "Hướng dẫn sử dụng";
    public const string ContinueLabel = "Tiếp tục";
    public const string RestartLabel = "Làm lại từ đầu";
    public static string SwitchLabel(string period) => $"Bỏ dở, báo cáo {period}";

    public static string UnknownCommand(string command) =>
        $"Bot không có lệnh /{command}. Gõ /trogiup để xem các lệnh.";

    public static string Resume(string progress) => $"Bạn đang {progress}, tiếp tục nhé?";
}
