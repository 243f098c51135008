using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// What a new unit secretary typed when trying the bot (issue 11, "Done when"): the words people use instead of
/// the buttons' exact labels, several numbers in one sentence, "bỏ qua" and emoji where words are needed.
/// </summary>
public sealed class NewSecretaryTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    private static readonly Prompt WeeklyStart = Prompts.Choice("?",
        [new Choice("act", "Có, báo cáo hoạt động"), new Choice("none", "Tuần này đơn vị không có hoạt động"), new Choice("other", "Chọn kỳ khác")]);

    private static IncomingMessage Typed(string text) => new() { Channel = Channel.Telegram, ChatId = "t", Text = text };

    private static readonly DateOnly Today = new(2024, 3, 6);

    [Theory]
    [InlineData("có", "act")]
    [InlineData("Có.", "act")]
    [InlineData("ok", "act")]
    [InlineData("không", "none")]
    [InlineData("ko", "none")]
    [InlineData("chọn kỳ", "other")]
    public void A_yes_a_no_or_the_first_words_of_a_choice_pick_it(string typed, string key)
    {
        Assert.True(PromptReader.TryRead(WeeklyStart, Typed(typed), Today, out var answer, out var error), error);
        Assert.Equal(key, answer.ChoiceKey);
    }

    [Fact]
    public void The_resume_question_takes_co_and_its_error_names_its_own_buttons()
    {
        var resume = Prompts.YesNo("Bạn đang báo cáo dở tuần 2, tiếp tục nhé?", RouterTexts.ContinueLabel, RouterTexts.RestartLabel);
        Assert.True(PromptReader.TryRead(resume, Typed("có"), Today, out var answer, out _));
        Assert.True(answer.Yes);
        Assert.False(PromptReader.TryRead(resume, Typed("để mai"), Today, out _, out var error));
        Assert.Equal("Bạn trả lời \"Tiếp tục\" hoặc \"Làm lại từ đầu\" (hoặc 1 / 2) nhé.", error);
    }

    [Fact]
    public void A_number_past_the_list_says_how_many_choices_there_are_and_a_photo_is_told_it_comes_later()
    {
        Assert.False(PromptReader.TryRead(WeeklyStart, Typed("9"), Today, out _, out var error));
        Assert.Equal(EngineTexts.OutOfRange(3), error);
        var photo = new IncomingMessage { Channel = Channel.Telegram, ChatId = "t", Photos = [new IncomingPhoto { FileId = "f", StoredPhotoId = 1 }] };
        Assert.False(PromptReader.TryRead(WeeklyStart, photo, Today, out _, out error));
        Assert.Equal(EngineTexts.PhotoNotNow, error);
        var categories = Prompts.Choice("?", ActivityCategories.Labels.Select(kv => new Choice(kv.Key, kv.Value)));
        Assert.True(PromptReader.TryRead(categories, Typed("tình nguyện"), Today, out var answer, out _));
        Assert.Equal(ActivityCategories.SocialWelfare, answer.ChoiceKey);
    }

    [Theory]
    [InlineData("bỏ qua", false, EngineTexts.CannotSkip)]
    [InlineData("Bo qua het", false, EngineTexts.CannotSkip)]
    [InlineData("😀", false, EngineTexts.NoWords)]
    [InlineData("👍👍!", true, EngineTexts.NoWords)]
    public void Skip_words_where_an_answer_is_needed_and_emoji_only_text_are_refused(string typed, bool skippable, string expected)
    {
        var prompt = Prompts.Text("Mặt được?", "Đơn vị tổ chức 5 hoạt động.", skippable);
        Assert.False(PromptReader.TryRead(prompt, Typed(typed), Today, out _, out var error));
        Assert.StartsWith(expected, error);
        Assert.True(PromptReader.TryRead(prompt, Typed("Tổ chức tốt 5 hoạt động 😀"), Today, out var answer, out _));
        Assert.Equal("Tổ chức tốt 5 hoạt động 😀", answer.Text);
    }

    [Theory]
    [InlineData("khoảng 200 người tham gia, 45 đơn vị máu, 30 suất quà trị giá 1 triệu rưỡi", "participants=200~ blood_units=45 gifts=30 gift_value=1500000")]
    [InlineData("tham gia 200 máu 45", "participants=200 blood_units=45")]
    [InlineData("200 người tham gia 45 đơn vị máu", "participants=200 blood_units=45")]
    [InlineData("quà 50 phần trị giá 25tr", "gifts=50 gift_value=25000000")]
    [InlineData("50 phần quà và trị giá 25 triệu", "gifts=50 gift_value=25000000")]
    [InlineData("tặng quà trị giá 5 triệu", "gift_value=5000000")]
    [InlineData("tham gia 300 người 2 công trình trị giá 15 triệu 100 cây xanh", "participants=300 youth_works=2 youth_works_value=15000000 trees=100")]
    [InlineData("khám 50 người giá trị 10 triệu", "medical_people=50 medical_value=10000000")]
    public void Numbers_of_several_metrics_in_one_sentence_without_commas_are_each_recorded(string typed, string expected)
    {
        // "trị giá" after "công trình" is the works' value, never the gifts' (which "trị giá" alone means).
        var all = MetricCatalog.Defaults();
        var asked = all.Where(m => m.Categories.Contains(ActivityCategories.SocialWelfare) || m.Code == MetricCatalog.Participants).ToList();
        Assert.True(MetricMessage.TryRead(typed, asked, all, asked[0], "tham gia 150", out var values, out var error), error);
        Assert.Equal(expected, string.Join(' ', values.Select(v => $"{v.Metric.Code}={v.Value:0}{(v.Approximate ? "~" : "")}")));
    }

    [Theory]
    [InlineData("không có")]
    [InlineData("Chưa có link")]
    [InlineData("bỏ qua")]
    public void Where_a_link_is_required_no_link_is_answered_with_what_to_do(string typed)
    {
        var prompt = Prompts.Link("Gửi link bài đăng", skippable: false);
        Assert.False(PromptReader.TryRead(prompt, Typed(typed), Today, out _, out var error));
        Assert.Equal(EngineTexts.LinkRequired, error);
        Assert.False(PromptReader.TryRead(prompt, Typed("facebook"), Today, out _, out error));
        Assert.StartsWith("Đường link phải bắt đầu bằng http", error);
    }

    [Theory]
    [InlineData("100 cây xanh trị giá 5 triệu")]   // no "trị giá cây": not recorded as the gifts' value
    [InlineData("trị giá 1 triệu 500 máu 45")]      // 500 could belong to either: asked, not guessed
    public void A_sentence_whose_numbers_cannot_be_told_apart_is_asked_again_not_guessed(string typed)
    {
        var all = MetricCatalog.Defaults();
        var asked = all.Where(m => m.Categories.Contains(ActivityCategories.SocialWelfare) || m.Code == MetricCatalog.Participants).ToList();
        Assert.False(MetricMessage.TryRead(typed, asked, all, asked[0], "tham gia 150", out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_metric_is_picked_by_words_inside_its_label_and_bo_qua_is_refused_where_numbers_are_needed()
    {
        var pick = Prompts.Choice("Bạn muốn sửa số nào?", MetricCatalog.Defaults().Select(m => new Choice("m:" + m.Code, m.Label)));
        Assert.True(PromptReader.TryRead(pick, Typed("tham gia"), Today, out var answer, out _));
        Assert.Equal("m:" + MetricCatalog.Participants, answer.ChoiceKey);
        Assert.True(PromptReader.TryRead(pick, Typed("máu"), Today, out answer, out _));
        Assert.Equal("m:blood_units", answer.ChoiceKey);
        Assert.False(PromptReader.TryRead(pick, Typed("quà"), Today, out _, out _));   // "Phần quà" or "Trị giá quà"
        var numbers = Prompts.Numbers("Gửi số liệu", null, "tham gia 150, quà 20");
        Assert.False(PromptReader.TryRead(numbers, Typed("bỏ qua"), Today, out _, out var error));
        Assert.Equal(EngineTexts.CannotSkip + " Ví dụ: tham gia 150, quà 20", error);
    }

    [Fact]
    public async Task Typing_instead_of_pressing_reports_a_week_and_an_edit_changes_only_the_number_edited()
    {
        H.SetLocalTime(2024, 3, 6, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][0]);
        await chat.Say("báo cáo");                      // no slash: what a new secretary types first
        Assert.StartsWith("Báo cáo Tuần 1 (02/3–08/3)", chat.LastText);
        await chat.Say("có");
        Assert.StartsWith("Chọn hoạt động đơn vị đã làm", chat.LastText);
        await chat.Say("ngày hội hiến máu");            // the first words of the planned activity
        await chat.Say("hôm kia");
        await chat.Say("khoảng 200 người tham gia, 45 đơn vị máu, 30 suất quà trị giá 1 triệu rưỡi");
        Assert.StartsWith("Đã ghi:\n• Lượt đoàn viên, thanh niên tham gia: ≈ 200 lượt\n• Đơn vị máu: 45 đơn vị\n• Phần quà: 30 phần\n• Trị giá quà: 1.500.000 đồng",
            chat.LastText);
        await chat.Say("bỏ qua hết");                   // left over from the numbers: not saved as the news
        Assert.StartsWith(EngineTexts.CannotSkip, chat.LastText);
        await chat.Say("Sáng 04/3, đoàn viên hiến máu tại hội trường bệnh viện.\nhttps://facebook.com/doanbvub/posts/1".Normalize(System.Text.NormalizationForm.FormD));
        await chat.Photo(await H.NewPhotoAsync());
        await chat.Say("có");                           // "còn hoạt động nào khác không?": not an activity named "có"
        Assert.StartsWith("Chọn hoạt động đơn vị đã làm", chat.LastText);
        await chat.Say("😀");
        Assert.StartsWith(EngineTexts.NoWords, chat.LastText);
        await chat.Say("Giao lưu văn nghệ");            // a new title: its category is asked, so are its numbers
        Assert.StartsWith(ReportTexts.AskCategory, chat.LastText);
        await chat.Say("9");
        Assert.StartsWith(EngineTexts.OutOfRange(8), chat.LastText);
        await chat.Say("văn hóa");
        await chat.Say("hôm nay");
        await chat.Say("60");
        await chat.Say("Đêm giao lưu văn nghệ với 60 đoàn viên.");
        await chat.Photo(await H.NewPhotoAsync());
        await chat.Say("không");
        Assert.StartsWith("Xem lại báo cáo Tuần 1", chat.LastText);
        await chat.Say("gửi");
        Assert.StartsWith("Đã gửi báo cáo Tuần 1", chat.LastText);

        var before = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        Assert.Equal(["Ngày hội hiến máu tình nguyện", "Giao lưu văn nghệ"], before.Activities.OrderBy(a => a.SortOrder).Select(a => a.Title));
        Assert.Equal(ActivityCategories.Culture, before.Activities.Single(a => a.ActivityId is null).Category);
        Assert.Equal("Sáng 04/3, đoàn viên hiến máu tại hội trường bệnh viện.", before.Activities.Single(a => a.ActivityId == P.BloodDriveId).NewsText);

        await chat.Say("sửa");                          // no slash: /sua shows the review
        Assert.StartsWith("Xem lại báo cáo Tuần 1", chat.LastText);
        await chat.Say("sửa");
        await chat.Say("1");
        await chat.Say("số lượt tham gia");
        await chat.Say("250");
        Assert.Contains(": 250 lượt (đã sửa, trước: 200 lượt)", chat.LastText);
        await chat.Say("gửi");
        Assert.StartsWith("Đã cập nhật báo cáo Tuần 1", chat.LastText);
        var after = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        static Dictionary<string, (decimal, bool)> Values(YouthMonth.Core.Reporting.Report r) =>
            r.Values.ToDictionary(v => r.Activities.Single(a => a.Id == v.ReportActivityId).Title + "/" + v.MetricCode, v => (v.Value, v.Approximate));
        var expected = Values(before);
        expected["Ngày hội hiến máu tình nguyện/" + MetricCatalog.Participants] = (250m, false);
        Assert.Equal(expected, Values(after));
        Assert.Equal(before.Activities.Select(a => (a.Title, a.NewsText, a.Date, a.Photos.Count, string.Join(",", a.Links))),
            after.Activities.Select(a => (a.Title, a.NewsText, a.Date, a.Photos.Count, string.Join(",", a.Links))));
    }

    [Fact]
    public async Task Bo_qua_is_not_saved_as_the_final_reports_assessment()
    {
        H.SetLocalTime(2024, 3, 25, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[2][0]);
        await chat.Say("/baocao tổng kết");
        await chat.Say("đúng");
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        await chat.Say("bỏ qua");
        Assert.StartsWith(EngineTexts.CannotSkip, chat.LastText);
        Assert.Contains("MẶT ĐƯỢC", chat.LastText);
        await chat.Say("Tổ chức tốt các hoạt động tình nguyện.");
        Assert.Contains("HẠN CHẾ", chat.LastText);
        await chat.Say("bỏ qua");                       // "Hạn chế" may be skipped
        Assert.Contains("TẬP THỂ", chat.LastText);
    }

    [Fact]
    public async Task Naming_another_period_in_the_middle_of_a_report_offers_to_switch_to_it()
    {
        H.SetLocalTime(2024, 3, 11, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0], Channel.Zalo);
        await chat.Say("/baocao");
        Assert.StartsWith("Báo cáo Tuần 2", chat.LastText);
        await chat.Say("/baocao tuần 1");
        Assert.Equal("Bạn đang báo cáo dở tuần 2, tiếp tục nhé?\n\nTrả lời bằng số:\n1. Tiếp tục\n2. Bỏ dở, báo cáo tuần 1",
            ChoiceAnswers.RenderNumbered(chat.Last!.Text, chat.Last.Choices));
        await chat.Say("xyz");
        Assert.StartsWith("Bạn trả lời \"Tiếp tục\" hoặc \"Bỏ dở, báo cáo tuần 1\"", chat.LastText);
        await chat.Say("2");
        Assert.StartsWith("Báo cáo Tuần 1 (02/3–08/3), hạn 11g00 thứ Sáu 08/3.\nKỳ này đã quá hạn", chat.LastText);
        await chat.Say("không");
        var report = (await H.ReportAsync(P.Week1Id, P.Units[3]))!;
        Assert.Equal((YouthMonth.Core.Reporting.ReportStatus.NoActivity, true), (report.Status, report.IsLate));
    }
}
