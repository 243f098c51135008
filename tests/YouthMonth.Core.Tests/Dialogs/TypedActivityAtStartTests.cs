using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// At the weekly report's first question, "Trong kỳ này đơn vị có hoạt động không?", people answer with what they
/// did ("hiến máu"): that is "có" and that activity, read as the activity question reads a typed title.
/// </summary>
public sealed class TypedActivityAtStartTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task A_new_title_typed_at_the_first_question_is_that_activity_and_is_asked_its_category()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await lan.Say("/baocao");
        Assert.Contains("có hoạt động không?", lan.LastText);
        await lan.Say("hiến máu");
        Assert.Equal(ReportTexts.AskCategory, lan.LastText);
        await lan.Press("Tình nguyện, an sinh xã hội");
        Assert.StartsWith("Hoạt động diễn ra ngày nào?", lan.LastText);
        await lan.Say("04/3");
        await lan.Say("tham gia 40, máu 30");
        if (!lan.LastText.Contains("Viết vài dòng tin", StringComparison.Ordinal)) await lan.Press("Bỏ qua hết");
        await lan.Say("Sáng 04/3, 40 đoàn viên hiến máu.");
        await lan.Photo(await H.NewPhotoAsync());
        await lan.Press("Không, xem lại và gửi");
        Assert.Contains("1. hiến máu — 04/3/2024", lan.LastText);
        await lan.Press("Gửi báo cáo");

        var activity = Assert.Single((await H.ReportAsync(P.Week1Id, P.Units[0]))!.Activities);
        Assert.Equal(("hiến máu", (int?)null, Core.Plan.ActivityCategories.SocialWelfare), (activity.Title, activity.ActivityId, activity.Category));
    }

    [Fact]
    public async Task A_planned_title_typed_by_its_first_words_is_the_planned_activity_and_a_leading_co_is_dropped()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var minh = await H.RegisteredAsync(P.Contacts[1][1]);
        await minh.Say("/baocao");
        await minh.Say("Có, ngày hội hiến máu");
        Assert.StartsWith("Hoạt động diễn ra ngày nào?", minh.LastText);
        await minh.Say("04/3");
        Assert.Contains("• Đơn vị máu (đơn vị)", minh.LastText); // the planned blood drive's own numbers
        await minh.Say("/huy");
    }

    [Fact]
    public async Task On_Zalo_a_longer_new_title_is_asked_its_category_and_co_hoat_dong_is_a_plain_yes_never_no_activity()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0], Channel.Zalo);
        await chat.Say("/baocao");
        await chat.Say("tổ chức hiến máu tình nguyện");
        Assert.StartsWith(ReportTexts.AskCategory, chat.LastText);
        await chat.Say("/huy");

        // "có hoạt động" once matched the words inside "Tuần này đơn vị không có hoạt động".
        await chat.Say("/baocao");
        await chat.Say("có hoạt động");
        Assert.StartsWith(ReportTexts.PickActivity, chat.LastText);
        await chat.Say("/huy");

        // A number past the list is a slip, not an activity called "4".
        await chat.Say("/baocao");
        await chat.Say("4");
        Assert.StartsWith("Chỉ có các lựa chọn từ 1 đến", chat.LastText);
        await chat.Say("/huy");

        // A denial that is not the button is never guessed into a "no activity" report.
        await chat.Say("/baocao");
        await chat.Say("ko có hđ");
        Assert.StartsWith(EngineTexts.NotAChoice.Replace("Bạn bấm một nút, hoặc trả lời", "Bạn trả lời"), chat.LastText);
        Assert.Contains("có hoạt động không?", chat.LastText);
        await chat.Say("/huy");

        await using var db = H.Db();
        Assert.False(await db.Reports.AnyAsync(r => r.UnitId == P.Units[2]));
    }
}
