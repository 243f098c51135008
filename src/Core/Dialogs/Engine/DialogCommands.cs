namespace YouthMonth.Core.Dialogs.Engine;

public enum GlobalCommand { Start, Report, Status, Edit, Cancel, Help }

/// <summary>The commands that work at any step, their English aliases, and the Telegram command menu.</summary>
public static class DialogCommands
{
    private static readonly Dictionary<string, GlobalCommand> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["start"] = GlobalCommand.Start,
        ["baocao"] = GlobalCommand.Report, ["report"] = GlobalCommand.Report,
        ["trangthai"] = GlobalCommand.Status, ["status"] = GlobalCommand.Status,
        ["sua"] = GlobalCommand.Edit, ["edit"] = GlobalCommand.Edit,
        ["huy"] = GlobalCommand.Cancel, ["cancel"] = GlobalCommand.Cancel,
        ["trogiup"] = GlobalCommand.Help, ["help"] = GlobalCommand.Help,
    };

    public static bool TryResolve(string? command, out GlobalCommand global) =>
        Names.TryGetValue(command ?? "", out global);

    /// <summary>Shown by Telegram's command menu (setMyCommands), in Vietnamese.</summary>
    public static readonly IReadOnlyList<(string Command, string Description)> Menu =
    [
        ("baocao", "Gửi báo cáo kỳ này"),
        ("trangthai", "Xem đơn vị đã gửi gì, còn thiếu gì"),
        ("sua", "Sửa báo cáo đã gửi (trước hạn)"),
        ("huy", "Hủy việc đang làm dở"),
        ("trogiup", "Hướng dẫn sử dụng"),
        ("start", "Đăng ký bằng mã mời"),
    ];
}
