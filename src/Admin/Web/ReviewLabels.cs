using YouthMonth.Core.Reporting;

namespace YouthMonth.Admin.Web;

public static class ReviewLabels
{
    public static string Badge(ReviewStatus review) => review switch
    {
        ReviewStatus.Accepted => "<span class=\"badge ok\">Đã chấp nhận</span>",
        ReviewStatus.Returned => "<span class=\"badge bad\">Đã trả lại</span>",
        _ => "<span class=\"badge\">Chờ duyệt</span>",
    };

    /// <summary>Links come from unit secretaries; only http(s) ones become clickable (no javascript: and the like).</summary>
    public static string SafeHref(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.AbsoluteUri : "#";
}
