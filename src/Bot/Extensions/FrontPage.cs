using System.Text;
using YouthMonth.Bot.Messaging;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Bot.Extensions;

/// <summary>
/// GET / on the Bot host: a short Vietnamese page saying the bot runs, which channels are on, and where to go
/// (the local chat when it is enabled, health). A 404 here made first-time users think the Bot had failed.
/// </summary>
public static class FrontPage
{
    public static void MapFrontPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", (IEnumerable<IChannelSender> senders) =>
        {
            var on = senders.Where(s => s.Enabled).Select(s => s.Channel).ToList();
            string Name(Channel c) => c switch { Channel.Telegram => "Telegram", Channel.Zalo => "Zalo", _ => "trò chuyện thử trên web" };
            var html = new StringBuilder("""
                <!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Bot Tháng Thanh niên</title>
                <style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1f2328}a{color:#0b5cad}</style>
                </head><body><h1>Bot Tháng Thanh niên đang chạy</h1>
                """);
            html.Append("<p>Kênh đang bật: ").Append(on.Count == 0 ? "chưa có kênh nào (cấu hình Telegram:Token, Zalo:Token hoặc Local:Enabled)" : string.Join(", ", on.Select(Name))).Append(".</p><ul>");
            if (on.Contains(Channel.Local)) html.Append("<li><a href=\"/chat\">Trò chuyện thử với bot</a> (như một bí thư chi đoàn)</li>");
            html.Append("<li><a href=\"/health/ready\">Tình trạng</a> (cơ sở dữ liệu, hàng đợi tin nhắn)</li></ul>");
            html.Append("<p>Văn phòng Đoàn làm việc trên trang web của máy chủ Admin (Tổng quan, Kế hoạch, Mời tham gia, Duyệt báo cáo, Xuất báo cáo).</p></body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
}
