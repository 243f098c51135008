using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>
/// A command typed in the middle of a report (weekly, quick, final, its nominations) never leaves the person
/// lost: after its own answer the bot asks the pending question again with its buttons, or says plainly that
/// the report in progress was dropped.
/// </summary>
public sealed class CommandsMidReportTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    private static List<string> Buttons(ChatSession chat) => chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label).ToList();

    [Fact]
    public async Task Start_an_unknown_command_and_help_in_a_weekly_report_repeat_the_date_question_with_its_buttons()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var lan = await H.RegisteredAsync(P.Contacts[0][0]);
        await lan.Say("/baocao");
        await lan.Press("Có, báo cáo hoạt động");
        await lan.Press("Ngày hội hiến máu tình nguyện");
        var question = lan.LastText;
        Assert.Contains("Hoạt động diễn ra ngày nào?", question);

        var replies = await lan.Say("/start");
        Assert.Equal(
            $"Chào {TestPlan.ContactNames[0][0]}, bạn đang báo cáo cho {P.UnitNames[0]}.\n{RouterTexts.HelpInDialog}\n\n{question}",
            Assert.Single(replies).Text);
        Assert.Equal(["Hôm nay", "Hôm qua"], Buttons(lan));

        replies = await lan.Say("/xyz");
        Assert.Equal($"{RouterTexts.UnknownCommand("xyz")}\n{RouterTexts.HelpInDialog}\n\n{question}", Assert.Single(replies).Text);
        Assert.Equal(["Hôm nay", "Hôm qua"], Buttons(lan));

        replies = await lan.Say("/help");
        Assert.Equal([RouterTexts.Help, $"{RouterTexts.HelpInDialog}\n\n{question}"], replies.Select(r => r.Text));

        // The report goes on where it was.
        await lan.Say("04/3");
        Assert.Contains("• Đơn vị máu (đơn vị)", lan.LastText);
        await lan.Say("/huy");
    }

    [Fact]
    public async Task An_unknown_command_in_a_quick_report_on_Zalo_repeats_the_question_and_idle_chats_only_hear_the_command_is_unknown()
    {
        H.SetLocalTime(2024, 3, 3, 10, 30);
        var chat = await H.RegisteredAsync(P.Contacts[2][0], Channel.Zalo);
        var idle = await chat.Say("/baocaotuan");
        Assert.Equal(RouterTexts.UnknownCommand("baocaotuan"), Assert.Single(idle).Text);

        await chat.Say("/baocao");
        await chat.Say("Sáng 03/3, đơn vị ra quân Tháng Thanh niên.");
        var question = chat.LastText;
        var replies = await chat.Say("/baocaotuan");
        Assert.Equal($"{RouterTexts.UnknownCommand("baocaotuan")}\n{RouterTexts.HelpInDialog}\n\n{question}", Assert.Single(replies).Text);
        await chat.Say("120");
        Assert.Contains("link", chat.LastText);
        await chat.Say("/huy");
    }

    [Fact]
    public async Task Start_at_a_nomination_question_of_the_final_report_repeats_it()
    {
        var unit = P.Units[3];
        await using (var db = H.Db())
        {
            var activity = new ReportActivity { Title = "Hoạt động tuần" };
            db.Reports.Add(new Report
            {
                PeriodId = P.Week1Id, UnitId = unit, Status = ReportStatus.Submitted, CreatedAt = DateTimeOffset.UtcNow, SubmittedAt = DateTimeOffset.UtcNow,
                Activities = [activity], Values = [new ReportMetricValue { MetricCode = MetricCatalog.Participants, Value = 40, ReportActivity = activity }],
            });
            await db.SaveChangesAsync();
        }
        H.SetLocalTime(2024, 3, 20, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0]);
        await chat.Say("/baocao");
        await chat.Press("Báo cáo kỳ này");
        await chat.Press("Đúng, giữ nguyên");
        await chat.Say("Đơn vị tổ chức 2 hoạt động.");
        await chat.Say("Một số chi đoàn báo cáo chậm.");
        await chat.Say("Chi đoàn Phòng Hành chính");
        var question = chat.LastText;
        var buttons = Buttons(chat);

        var replies = await chat.Say("/start");
        Assert.Equal(
            $"Chào {TestPlan.ContactNames[3][0]}, bạn đang báo cáo cho {P.UnitNames[3]}.\n{RouterTexts.HelpInDialog}\n\n{question}",
            Assert.Single(replies).Text);
        Assert.Equal(buttons, Buttons(chat));
        await chat.Say("/huy");
    }

    [Fact]
    public async Task An_unknown_command_while_the_resume_question_waits_asks_the_resume_question_again()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][1]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        H.SetLocalTime(2024, 3, 5, 20, 0);
        await chat.Say("xin chào");
        var resume = chat.LastText;
        Assert.StartsWith("Bạn đang báo cáo dở", resume);

        var replies = await chat.Say("/abc");
        Assert.Equal($"{RouterTexts.UnknownCommand("abc")}\n{RouterTexts.HelpInDialog}\n\n{resume}", Assert.Single(replies).Text);
        Assert.Equal([RouterTexts.ContinueLabel, RouterTexts.RestartLabel], Buttons(chat));
        await chat.Press(RouterTexts.ContinueLabel);
        Assert.StartsWith("Chọn hoạt động", chat.LastText);
        await chat.Say("/huy");
    }

    [Fact]
    public async Task Start_with_someone_elses_invite_code_says_the_report_in_progress_was_dropped()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][1]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");

        // A wrong code changes nothing: the error, then the question.
        var replies = await chat.Say("/start WrongCode99");
        Assert.Equal(RegistrationTexts.InvalidCode, replies[0].Text);
        Assert.StartsWith(RouterTexts.HelpInDialog + "\n\nChọn hoạt động", replies[1].Text);

        replies = await chat.Say("/start SpareCode23");
        var reply = Assert.Single(replies).Text;
        Assert.StartsWith(RegistrationTexts.DraftDropped + "\n\n" + $"Chào {TestPlan.ContactNames[2][0]}!", reply);
        await using var db = H.Db();
        var state = await db.DialogStates.SingleAsync(s => s.ChatAccount!.ChatId == chat.ChatId);
        Assert.Null(state.Dialog);
    }
}
