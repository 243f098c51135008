using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Dialogs.Engine;
using YouthMonth.Core.Dialogs.Reports;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;

using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

/// <summary>Restarts, silence, /huy and /trogiup at every step, and every bad input answered without saving anything wrong.</summary>
public sealed class RobustnessTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    /// <summary>One answer per step of a weekly report with one "other" activity, as (how to answer, what is asked next).</summary>
    private static readonly (string Kind, string Value)[] Script =
    [
        ("cmd", "/baocao"), ("press", "Có, báo cáo hoạt động"), ("press", "Hoạt động khác"), ("say", "Tọa đàm kỹ năng số"),
        ("press", "Hoạt động khác"), ("say", "04/3"), ("say", "60"), ("say", "Tọa đàm cho 60 đoàn viên về kỹ năng số."),
        ("photo", ""), ("press", "Không, xem lại và gửi"),
    ];

    private async Task PlayAsync(ChatSession chat, (string Kind, string Value) step)
    {
        switch (step.Kind)
        {
            case "press": await chat.Press(step.Value); break;
            case "photo": await chat.Photo(await H.NewPhotoAsync()); break;
            default: await chat.Say(step.Value); break;
        }
    }

    [Fact]
    public async Task Help_at_every_step_repeats_the_question_and_cancel_at_every_step_leaves_nothing_saved()
    {
        H.SetLocalTime(2024, 3, 5, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[1][0]);
        for (var i = 0; i < Script.Length; i++)
        {
            await PlayAsync(chat, Script[i]);
            var asked = chat.Last!;
            var question = asked.Text[(asked.Text.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)..];
            var help = await chat.Say(i % 2 == 0 ? "/trogiup" : "/help");
            Assert.Equal(RouterTexts.Help, help[0].Text);
            Assert.StartsWith(RouterTexts.HelpInDialog, help[1].Text);
            Assert.EndsWith(question, help[1].Text);
            Assert.Equal(asked.Choices.SelectMany(r => r), help[1].Choices.SelectMany(r => r));
        }

        var unit = P.Units[2];
        var other = await H.RegisteredAsync(P.Contacts[2][0]);
        for (var stop = 1; stop <= Script.Length; stop++)
        {
            for (var i = 0; i < stop; i++) await PlayAsync(other, Script[i]);
            await other.Say(stop % 2 == 0 ? "/huy" : "/cancel");
            Assert.Equal(RouterTexts.Cancelled, other.LastText);
            await other.Say("xin chào");
            Assert.Equal(RouterTexts.Idle, other.LastText);
        }
        await using var db = H.Db();
        Assert.False(await db.Reports.AnyAsync(r => r.UnitId == unit));
        await other.Say("/huy");
        Assert.Equal(RouterTexts.NothingToCancel, other.LastText);
    }

    [Fact]
    public async Task A_restart_mid_report_and_a_day_of_silence_resume_where_the_person_left_off()
    {
        H.SetLocalTime(2024, 3, 5, 21, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][0], speaker: "Chị Lan (Bí thư)");
        for (var i = 0; i < 6; i++) await PlayAsync(chat, Script[i]);
        Assert.Contains("Có bao nhiêu lượt", chat.LastText);

        await H.RestartAsync();
        chat.Mark("bot khởi động lại (triển khai bản mới)");
        await chat.Say("60");
        Assert.Contains("Đã ghi: 60 lượt.", chat.LastText);
        Assert.Contains("Viết vài dòng tin", chat.LastText);

        H.SetLocalTime(2024, 3, 6, 20, 0);
        chat.Mark("một ngày sau");
        await chat.Say("alo");
        Assert.Equal("Bạn đang báo cáo dở tuần 1, tiếp tục nhé?", chat.LastText);
        await chat.Press("Tiếp tục");
        Assert.Contains("Viết vài dòng tin", chat.LastText);
        for (var i = 7; i < Script.Length; i++) await PlayAsync(chat, Script[i]);
        Assert.Contains("Tọa đàm kỹ năng số — 04/3/2024", chat.LastText);
        await chat.Say("/baocao");
        Assert.Equal("Bạn đang báo cáo dở tuần 1, tiếp tục nhé?", chat.LastText);
        await chat.Press("Tiếp tục");
        await chat.Press("Gửi báo cáo");
        var report = (await H.ReportAsync(P.Week1Id, P.Units[0]))!;
        Assert.Equal(60m, Assert.Single(report.Values).Value);

        Transcripts.Check("resume", "Khởi động lại và im lặng một ngày: tiếp tục chỗ đang dở",
            "Bot khởi động lại giữa chừng (câu trả lời tiếp theo vẫn được nhận), rồi chị Lan im lặng một ngày: bot hỏi có tiếp tục không.", chat);
    }

    [Fact]
    public async Task Bad_inputs_are_answered_in_Vietnamese_with_an_example_and_nothing_wrong_is_saved()
    {
        H.SetLocalTime(2024, 3, 6, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][0], Channel.Zalo);
        async Task Refused(string input, string expected)
        {
            var before = chat.Last!;
            var replies = await chat.Say(input);
            var reply = Assert.Single(replies);
            Assert.Contains(expected, reply.Text);
            Assert.EndsWith(before.Text[(before.Text.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)..], reply.Text);
        }

        await chat.Say("/baocao");
        await Refused("7", "Chỉ có các lựa chọn từ 1 đến 3.");
        await chat.Say("1");
        await chat.Say("hoat dong khac");
        await Refused(new string('x', 1001), "Nội dung dài quá (tối đa 1000 ký tự)");
        await chat.Say("Ngày hội hiến máu cụm 3");
        await chat.Say("tinh nguyen, an sinh xa hoi");
        await Refused("32/3", "ví dụ");
        await Refused("20/3", "Ngày hoạt động không thể sau hôm nay");
        var photo = await H.NewPhotoAsync();
        var early = await chat.Photo(photo);   // sent before the photo question: kept, not refused
        Assert.StartsWith(RouterTexts.PhotosKept, Assert.Single(early).Text);
        Assert.Contains("Hoạt động diễn ra ngày nào?", early[0].Text);
        await chat.Say("hôm nay");
        await Refused("-5", "ví dụ");
        await Refused("2,5", "ví dụ");
        await Refused("mười tư", "ví dụ");
        await Refused("1.000.000.000.001", "ví dụ"); // above what the parser reads; above a cap only is confirmed (PlausibilityTests)
        await chat.Say("45");
        Assert.Contains("Phần quà", chat.LastText);
        await chat.Say("1");  // one gift, not the first button of the numbered list
        Assert.StartsWith("Đã ghi: 1 phần.", chat.LastText);
        await Refused("-1 triệu", "ví dụ");
        await Refused("3.000.000.000.000", "ví dụ");
        await chat.Say("1tr5");
        Assert.StartsWith("Đã ghi: 1.500.000 đồng.", chat.LastText);
        await chat.Say("bo qua het");
        await Refused("", "Tin nhắn trống");
        await chat.Say("Hiến máu tại nhà văn hóa cụm 3.");
        Assert.StartsWith(EngineTexts.ForTyping(ReportTexts.EarlyPhotosAttached + "\n\n" + ReportTexts.PhotosReceived(1)), chat.LastText);
        await Refused("ảnh đây", EngineTexts.ForTyping(EngineTexts.PhotoExpected));
        await chat.PressStale("a:999");
        Assert.StartsWith(EngineTexts.StaleButton, chat.LastText);
        await chat.Say("Xong");
        await chat.Say("3");  // 1. the blood drive, 2. another activity, 3. no more: review
        await chat.Say("1");
        Assert.Contains("Đã gửi báo cáo", chat.LastText);

        var report = (await H.ReportAsync(P.Week1Id, P.Units[3]))!;
        Assert.Equal(
            new Dictionary<string, decimal> { [MetricCatalog.Participants] = 45m, ["gifts"] = 1m, ["gift_value"] = 1_500_000m },
            report.Values.ToDictionary(v => v.MetricCode, v => v.Value));
        var activity = Assert.Single(report.Activities);
        Assert.Equal(("Ngày hội hiến máu cụm 3", ActivityCategories.SocialWelfare, new DateOnly(2024, 3, 6)), (activity.Title, activity.Category, activity.Date!.Value));
        Assert.Empty(activity.Links);
        Assert.Equal([photo], activity.Photos.Select(p => p.PhotoId));

        Transcripts.Check("bad-inputs", "Nhập sai: bot nói rõ sai gì và cho ví dụ (Zalo)",
            "Mỗi câu trả lời sai được trả lời bằng tiếng Việt, kèm ví dụ, rồi hỏi lại đúng câu hỏi đó; không có gì sai được lưu.", chat);
    }

    [Fact]
    public async Task Two_contacts_writing_at_once_end_with_one_report_and_a_deactivated_contact_is_no_longer_served()
    {
        H.SetLocalTime(2024, 3, 11, 9, 0);
        var tam = await H.RegisteredAsync(P.Contacts[1][0]);
        var minh = await H.RegisteredAsync(P.Contacts[1][1]);
        await tam.Say("/baocao");
        Assert.Contains("Tuần 2 (09/3–15/3)", tam.LastText);
        for (var i = 1; i < 7; i++) await PlayAsync(tam, Script[i]);
        await minh.Say("/baocao");
        await minh.Press("Tuần này đơn vị không có hoạt động");
        for (var i = 7; i < Script.Length; i++) await PlayAsync(tam, Script[i]);
        await tam.Press("Gửi báo cáo");
        Assert.StartsWith(Core.Dialogs.Reports.ReportTexts.ReplacedOther, tam.LastText);

        var report = (await H.ReportAsync(P.Week2Id, P.Units[1]))!;
        Assert.Equal(Core.Reporting.ReportStatus.Submitted, report.Status);
        Assert.Equal(60m, Assert.Single(report.Values).Value);
        await using (var db = H.Db())
        {
            Assert.Equal(2, await db.ReportAudits.CountAsync(a => a.ReportId == report.Id));
            var contact = await db.Contacts.SingleAsync(c => c.Id == P.Contacts[1][1]);
            contact.Active = false;
            await db.SaveChangesAsync();
        }
        await minh.Say("/trangthai");
        Assert.StartsWith(Core.Dialogs.Registration.RegistrationTexts.NotRegistered, minh.LastText);
    }

    [Fact]
    public async Task Edit_picks_among_open_reports_and_a_no_activity_week_can_become_a_report_with_activities()
    {
        H.SetLocalTime(2024, 3, 12, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[0][1], speaker: "Anh Minh (Phó Bí thư)");
        await chat.Say("/baocao");
        Assert.Contains("Tuần 2 (09/3–15/3)", chat.LastText);
        await chat.Press("Tuần này đơn vị không có hoạt động");
        await using (var db = H.Db())
        {
            db.Reports.Add(new Core.Reporting.Report
            {
                PeriodId = P.FinalId, UnitId = P.Units[0], Status = Core.Reporting.ReportStatus.Submitted,
                CreatedAt = H.Clock.Now, SubmittedAt = H.Clock.Now, Assessment = "Tốt",
            });
            await db.SaveChangesAsync();
        }

        await chat.Say("/sua");
        Assert.Equal(["Tuần 2 (09/3–15/3), hạn 11g00 thứ Sáu 15/3", "Báo cáo tổng kết (01/3–31/3), hạn 11g00 thứ Ba 26/3"],
            chat.Last!.Choices.SelectMany(r => r).Select(c => c.Label));
        await chat.Press("Tuần 2 (09/3–15/3), hạn 11g00 thứ Sáu 15/3");
        await chat.Press("Có, báo cáo hoạt động");
        for (var i = 2; i < Script.Length; i++) await PlayAsync(chat, Script[i]);
        await chat.Press("Gửi báo cáo");
        Assert.Equal("Đã cập nhật báo cáo Tuần 2 (09/3–15/3). Cảm ơn bạn!", chat.LastText);
        var report = (await H.ReportAsync(P.Week2Id, P.Units[0]))!;
        Assert.Equal((Core.Reporting.ReportStatus.Submitted, 1, false), (report.Status, report.Activities.Count, report.IsLate));
    }

    [Fact]
    public async Task A_draft_whose_plan_activity_was_deleted_starts_over_instead_of_failing_every_message()
    {
        H.SetLocalTime(2024, 3, 13, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][1]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        var stale = chat.Last!.Choices.SelectMany(r => r).First(c => c.Key.StartsWith("a:", StringComparison.Ordinal));
        await using (var db = H.Db())
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == int.Parse(stale.Key.Substring(2)));
            db.Activities.Remove(activity);
            await db.SaveChangesAsync();
        }
        await chat.Press(stale.Label);
        Assert.Equal(RouterTexts.PlanChanged, chat.LastText);
        await chat.Say("xin chào");
        Assert.Equal(RouterTexts.Idle, chat.LastText);
    }

    [Fact]
    public async Task A_bug_in_a_step_is_logged_and_dead_lettered_and_the_draft_is_kept()
    {
        H.SetLocalTime(2024, 3, 13, 9, 0);
        var chat = await H.RegisteredAsync(P.Contacts[3][1]);
        await chat.Say("/baocao");
        await chat.Press("Có, báo cáo hoạt động");
        await chat.Press("Hoạt động khác");
        await chat.Say("Dọn vệ sinh kênh");
        await chat.Press(chat.Last!.Choices[0][0].Label);
        // A step that reads a number from an answer without one: "Nullable object must have a value", the kind of
        // InvalidOperationException the router used to swallow as "the plan changed" while wiping the draft.
        await using (var db = H.Db())
        {
            var state = await db.DialogStates.SingleAsync(s => s.ChatAccount!.ChatId == chat.ChatId);
            state.Step = ReportSteps.Participants;
            await db.SaveChangesAsync();
        }
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => chat.Press("Hôm nay"));
        Assert.True(failed.Message.Contains("Nullable object must have a value", StringComparison.Ordinal), failed.Message);
        await using (var db = H.Db())
        {
            var state = await db.DialogStates.AsNoTracking().SingleAsync(s => s.ChatAccount!.ChatId == chat.ChatId);
            Assert.Equal(WeeklyReportDialog.DialogName, state.Dialog);
            // A bug is a permanent failure: logged with its cause and dead-lettered for the office to retry after a
            // fix, and the chat hears that honestly rather than "the plan changed".
            var inbox = await db.Inbox.AsNoTracking().Where(m => m.ChatId == chat.ChatId).OrderBy(m => m.Id).LastAsync();
            Assert.NotNull(inbox.DeadLetteredAt);
            Assert.StartsWith("InvalidOperationException", inbox.LastError);
            var replies = (await db.Outbox.AsNoTracking().Where(o => o.ChatId == chat.ChatId).Select(o => o.Payload).ToListAsync())
                .Select(p => MessageJson.Deserialize<OutgoingMessage>(p).Text).ToList();
            Assert.Contains(ChatProcessor.Texts.DeadLettered, replies);
            Assert.DoesNotContain(RouterTexts.PlanChanged, replies);
        }
    }
}
