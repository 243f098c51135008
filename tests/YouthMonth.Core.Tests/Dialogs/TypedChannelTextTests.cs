using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Reports;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>Zalo and the local chat have no buttons: choice labels stay whole words, and the bot says "gõ", not "bấm".</summary>
public sealed class TypedChannelTextTests
{
    [Fact]
    public void Long_activity_titles_are_shortened_at_a_word_boundary()
    {
        var title = "Ra quân chiến dịch Thanh niên tình nguyện chung tay xây dựng nông thôn mới năm 2024";
        var label = WeeklyReportDialog.Short(title);
        Assert.Equal("Ra quân chiến dịch Thanh niên tình nguyện chung tay xây…", label);
        Assert.True(label.Length <= 60);
        Assert.Equal("Ngày hội hiến máu", WeeklyReportDialog.Short("Ngày hội hiến máu"));
    }

    [Fact]
    public void Without_buttons_the_bot_says_go_Xong_instead_of_bam_Xong()
    {
        var prompt = Prompts.Photos(ReportTexts.AskPhotosRequired);
        Assert.EndsWith("gửi xong gõ \"Xong\".", prompt.ToMessage(null, buttons: false).Text);
        Assert.EndsWith("gửi xong bấm \"Xong\".", prompt.ToMessage(null, buttons: true).Text);
        Assert.EndsWith("không có ảnh thì gõ \"Không có ảnh\".", Prompts.Photos(ReportTexts.AskPhotosOptional).ToMessage(null, buttons: false).Text);
        Assert.Contains("không có thì gõ Bỏ qua", Prompts.Link(ReportTexts.AskLinks, skippable: true).ToMessage(null, buttons: false).Text);
        Assert.Equal("Bạn gửi ảnh (có thể gửi nhiều ảnh một lúc), rồi gõ \"Xong\".", EngineTexts.ForTyping(EngineTexts.PhotoExpected));
    }
}
