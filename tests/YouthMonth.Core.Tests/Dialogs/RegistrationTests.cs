using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Dialogs.Registration;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;

using YouthMonth.Testing;

namespace YouthMonth.Core.Tests.Dialogs;

public sealed class RegistrationTests(DialogFixture fixture) : IClassFixture<DialogFixture>
{
    private DialogHarness H => fixture.Harness;
    private TestPlan P => fixture.Harness.Plan;

    [Fact]
    public async Task Deep_link_code_binds_the_chat_and_bad_codes_and_strangers_get_a_clear_reply_without_unit_data()
    {
        var stranger = H.Chat(Channel.Telegram, "tg-stranger", "Người lạ");
        await stranger.Say("xin chào");
        Assert.True(stranger.Last!.RequestContact);
        Assert.StartsWith(RegistrationTexts.NotRegistered, stranger.LastText);
        await stranger.Say("/baocao");
        Assert.StartsWith(RegistrationTexts.NotRegistered, stranger.LastText);
        await stranger.Say("/trangthai");
        await stranger.Say("/start Nope234567");
        Assert.Equal(RegistrationTexts.InvalidCode, stranger.LastText);
        await stranger.Say("/start UsedCode234");
        Assert.Equal(RegistrationTexts.UsedCode, stranger.LastText);
        await stranger.Say("/start OldCode2345");
        Assert.Equal(RegistrationTexts.ExpiredCode, stranger.LastText);
        await stranger.Say("/start LeadCode234");
        Assert.Equal(RegistrationTexts.LeaderCodeInPrivate, stranger.LastText);
        foreach (var unit in P.UnitNames) Assert.DoesNotContain(unit, stranger.Transcript);

        var lan = H.Chat(Channel.Telegram, "tg-lan", "Chị Lan (Bí thư)");
        await lan.Say("/start LanCode2345");
        Assert.Equal(RegistrationTexts.Welcome("Nguyễn Thị Lan", P.UnitNames[0]), lan.LastText);
        await lan.Say("/start");
        Assert.Equal(RegistrationTexts.WelcomeBack("Nguyễn Thị Lan", P.UnitNames[0]), lan.LastText);
        await using var db = H.Db();
        var account = await db.ChatAccounts.SingleAsync(a => a.ChatId == "tg-lan");
        Assert.Equal(P.Contacts[0][0], account.ContactId);
        Assert.NotNull((await db.InviteCodes.SingleAsync(c => c.Code == "LanCode2345")).UsedAt);

        Transcripts.Check("registration", "Đăng ký (Telegram: link mời /start <mã>)",
            "Người chưa đăng ký chỉ nhận lời giải thích; mã sai, đã dùng, hết hạn được trả lời rõ. Chị Lan mở link mời (/start <mã>).", stranger, lan);
    }

    [Fact]
    public async Task Code_typed_on_Zalo_and_phone_shared_on_Telegram_register_too()
    {
        var zalo = H.Chat(Channel.Zalo, "zl-tam", "Anh Tâm");
        await zalo.Say("ZaloCode234");
        Assert.Equal(RegistrationTexts.Welcome("Lê Văn Tâm", P.UnitNames[1]), zalo.LastText);
        Assert.False(zalo.Last!.RequestContact);

        var phone = H.Chat(Channel.Telegram, "tg-minh4", "Anh Khoa");
        await phone.SharePhone("+84 900 000 999");
        Assert.Equal(RegistrationTexts.PhoneNotFound, phone.LastText);
        await phone.SharePhone("+84900000402", ownerUserId: "someone-else");
        Assert.Equal(RegistrationTexts.NotOwnPhone, phone.LastText);
        // A contact card carrying the contact's number but no user_id (issue 10, point 2) binds nothing.
        await phone.SharePhone("+84900000402", noUserId: true);
        Assert.Equal(RegistrationTexts.NotOwnPhone, phone.LastText);
        await using (var before = H.Db())
            Assert.Null((await before.ChatAccounts.SingleAsync(a => a.ChatId == "tg-minh4")).ContactId);
        await phone.SharePhone("+84900000402");
        Assert.Equal(RegistrationTexts.Welcome("Bùi Văn Khoa", P.UnitNames[3]), phone.LastText);
        await using var db = H.Db();
        Assert.Equal(P.Contacts[3][1], (await db.ChatAccounts.SingleAsync(a => a.ChatId == "tg-minh4")).ContactId);
    }

    [Fact]
    public async Task A_leader_group_registers_with_its_code_and_the_bot_stays_quiet_in_group_talk()
    {
        var group = H.Chat(Channel.Telegram, "-100123", "Bí thư Đoàn Khối", ChatType.Group);
        await group.Say("chào cả nhà");
        Assert.Null(group.Last);
        await group.Say("/start@youthmonth_bot SpareCode23");
        Assert.Equal(RegistrationTexts.ContactCodeInGroup, group.LastText);
        await group.Say("/start@youthmonth_bot LeadCode234");
        Assert.Equal(RegistrationTexts.LeaderWelcome("BTV Đoàn Khối"), group.LastText);
        var replies = await group.Say("họp lúc 9 giờ nhé");
        Assert.Empty(replies);
        await group.Say("/baocao");
        Assert.Equal(Core.Dialogs.RouterTexts.LeaderCannotReport, group.LastText);
        await using var db = H.Db();
        Assert.Equal(P.LeaderChatId, (await db.ChatAccounts.SingleAsync(a => a.ChatId == "-100123")).LeaderChatId);
        await group.Say("/trogiup@youthmonth_bot");
        Assert.Equal(Core.Dialogs.RouterTexts.LeaderHelp, group.LastText);

        Transcripts.Check("leader-group", "Đăng ký nhóm lãnh đạo (Telegram, nhóm)",
            "Trong nhóm, bot im lặng với chuyện trò thường ngày; nhóm đăng ký bằng mã của nhóm lãnh đạo (/start@bot <mã>).", group);
    }

    [Fact]
    public async Task A_second_chat_binding_to_a_contact_warns_the_first_and_the_office_can_unbind_it_with_an_audit_row()
    {
        var contactId = P.Contacts[2][1];
        await using (var db = H.Db())
        {
            db.InviteCodes.Add(new InviteCode { Code = "Leaked2345", ContactId = contactId, CreatedAt = H.Clock.GetUtcNow(), ExpiresAt = H.Clock.GetUtcNow().AddDays(7) });
            await db.SaveChangesAsync();
        }
        var owner = await H.RegisteredAsync(contactId, Channel.Zalo, "Bí thư thật");
        var intruder = H.Chat(Channel.Telegram, "tg-intruder", "Người lạ");
        await intruder.Say("/start Leaked2345");
        Assert.StartsWith("Chào ", intruder.LastText);

        string subject;
        int intruderId;
        await using (var db = H.Db())
        {
            var warned = await db.Outbox.Where(o => o.ChatId == owner.ChatId && o.State == OutboxState.Pending).ToListAsync();
            var contact = await db.Contacts.Include(c => c.Unit).SingleAsync(c => c.Id == contactId);
            subject = $"{contact.Name} ({contact.Unit!.Name})";
            Assert.Equal(ChatUnbinding.Texts.AnotherChatBound(subject, Channel.Telegram, "Người lạ"),
                MessageJson.Deserialize<OutgoingMessage>(Assert.Single(warned).Payload).Text);
            var bound = await db.ChatBindingAudit.SingleAsync(a => a.ChatId == "tg-intruder");
            intruderId = bound.ChatAccountId;
            Assert.Equal((ChatBindingAction.Bound, contactId, "bot: mã mời", subject), (bound.Action, bound.ContactId, bound.Actor, bound.Subject));
            Assert.Equal(2, (await ChatUnbinding.ListForContactAsync(db, contactId)).Count);
        }
        await intruder.Say("/baocao"); // the intruder is in a dialog when the office acts

        await using (var db = H.Db())
        {
            Assert.Equal(UnbindOutcome.Unbound, await ChatUnbinding.UnbindAsync(db, intruderId, "admin:Văn phòng", " không phải bí thư ", H.Clock.GetUtcNow()));
            Assert.Equal(UnbindOutcome.NotBound, await ChatUnbinding.UnbindAsync(db, intruderId, "admin:Văn phòng", null, H.Clock.GetUtcNow()));
            Assert.Equal(UnbindOutcome.NotFound, await ChatUnbinding.UnbindAsync(db, 999_999, "admin:Văn phòng", null, H.Clock.GetUtcNow()));
        }
        var replies = await intruder.Say("1");
        Assert.Equal(ChatUnbinding.Texts.Unbound(subject), replies[0].Text);
        Assert.StartsWith(RegistrationTexts.NotRegistered, intruder.LastText);

        await using (var db = H.Db())
        {
            Assert.Null((await db.ChatAccounts.SingleAsync(a => a.Id == intruderId)).ContactId);
            Assert.Equal(owner.ChatId, Assert.Single(await ChatUnbinding.ListForContactAsync(db, contactId)).ChatId);
            var (trail, total) = await ChatUnbinding.ListAuditAsync(db, contactId, null, null, 0, 10);
            Assert.Equal(2, total);
            Assert.Equal((ChatBindingAction.Unbound, "admin:Văn phòng", "không phải bí thư", contactId),
                (trail[0].Action, trail[0].Actor, trail[0].Reason, trail[0].ContactId));
            Assert.Equal(ChatBindingAction.Bound, trail[1].Action);
        }
    }
}
