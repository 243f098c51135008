using YouthMonth.Core.Text;

namespace YouthMonth.Core.Tests.Text;

public sealed class LinksTests
{
    public static TheoryData<string, string> Accepted => new()
    {
        // input, expected links joined by " | "
        { "https://www.facebook.com/doanthanhnien/posts/123", "https://www.facebook.com/doanthanhnien/posts/123" },
        { "http://tuoitre.vn/bai-viet.htm", "http://tuoitre.vn/bai-viet.htm" },
        { "HTTPS://Example.com/A?b=1&c=2#x", "HTTPS://Example.com/A?b=1&c=2#x" },
        { "Bài đăng: https://fb.com/a, https://zalo.me/b.", "https://fb.com/a | https://zalo.me/b" },
        { "https://fb.com/a\nhttps://fb.com/b\nhttps://fb.com/a", "https://fb.com/a | https://fb.com/b" },
        { "(xem https://doanthanhnien.vn/tin-tuc/ngay-hoi)", "https://doanthanhnien.vn/tin-tuc/ngay-hoi" },
        { "link «https://fb.com/x» nhé", "https://fb.com/x" },
        { "https://vi.wikipedia.org/wiki/Đoàn_Thanh_niên", "https://vi.wikipedia.org/wiki/Đoàn_Thanh_niên" },
        { "www.fb.com/a và https://fb.com/b", "https://fb.com/b" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Finds_the_http_links_in_a_message(string input, string expected)
    {
        var ok = Links.TryParse(input, out var links, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, string.Join(" | ", links));
        Assert.Equal("", error);
    }

    public static TheoryData<string?, string> Refused => new()
    {
        { null, "Chưa có đường link" },
        { "  ", "Chưa có đường link" },
        { "facebook.com/doanthanhnien", "phải bắt đầu bằng http:// hoặc https://" },
        { "www.facebook.com/x", "phải bắt đầu bằng http:// hoặc https://" },
        { "ftp://files.example.com/a", "phải bắt đầu bằng http:// hoặc https://" },
        { "https://", "phải bắt đầu bằng http:// hoặc https://" },
        { "https://localhost/x", "phải bắt đầu bằng http:// hoặc https://" },
        { "không có link", "phải bắt đầu bằng http:// hoặc https://" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Refuses_when_no_link_is_valid(string? input, string expected)
    {
        var ok = Links.TryParse(input, out var links, out var error);

        Assert.False(ok);
        Assert.Empty(links);
        Assert.Contains(expected, error);
        Assert.Contains("ví dụ: https://", error);
    }

    [Fact]
    public void Keeps_at_most_twenty_links()
    {
        var text = string.Join(" ", Enumerable.Range(1, 30).Select(i => $"https://fb.com/{i}"));
        Assert.True(Links.TryParse(text, out var links, out _));
        Assert.Equal(Links.MaxLinks, links.Count);
    }
}
