using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Reporting;
using YouthMonth.Core.Scheduling;

namespace YouthMonth.Core.Tests.Scheduling;

/// <summary>
/// Reminders, leader alerts and posts over the Cần Thơ and Tân Phú samples on real PostgreSQL, driven by a fake
/// clock the way the scheduler's ticks would drive them. Each test gets its own database (the samples plus bound chats).
/// </summary>
public sealed class ScheduledSendsTests : IAsyncLifetime
{
    private SchedulingWorld _world = null!;

    public async Task InitializeAsync() => _world = await SchedulingWorld.CreateAsync();
    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static DateTime Local(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0);

    [Fact]
    public async Task Right_contacts_get_the_right_reminders_at_the_right_local_times_and_units_that_reported_get_none()
    {
        var w = _world;
        var week2 = w.Week(w.CanTho, 2);
        var contacts = await w.ContactsAsync(w.CanTho);
        var units = contacts.Select(c => c.Unit!).DistinctBy(u => u.Id).ToList();
        var (submitted, noActivity, draft, lateReporter) = (units[0], units[1], units[2], units[3]);
        await w.ReportAsync(week2, submitted.Id, ReportStatus.Submitted);
        await w.ReportAsync(week2, noActivity.Id, ReportStatus.NoActivity);
        await w.ReportAsync(week2, draft.Id, ReportStatus.Draft);

        Assert.Equal(0, await w.TickAsync(w.CanTho, Local(2024, 3, 7, 15, 59)));
        Assert.Empty(await w.OutboxAsync("remind:"));

        // Thursday 16:00, the day before the Friday 11:00 deadline.
        var expected = contacts.Where(c => c.UnitId != submitted.Id && c.UnitId != noActivity.Id).ToList();
        Assert.Equal(expected.Count, await w.TickAsync(w.CanTho, Local(2024, 3, 7, 16, 0)));
        var first = await w.OutboxAsync("remind:");
        Assert.Equal(expected.Select(c => $"c{c.Id}").Order(), first.Select(s => s.ChatId).Order());
        Assert.Contains(first, s => s.ChatId == $"c{contacts.First(c => c.UnitId == draft.Id).Id}");
        Assert.All(first, s =>
        {
            Assert.Contains("Hạn chót 11g00 thứ Sáu 08/3", s.Text);
            Assert.Contains("Tuần 2 (02/3–08/3)", s.Text);
            Assert.DoesNotContain("LẦN CUỐI", s.Text);
            Assert.Equal(SchedulingWorld.Zone.BaseUtcOffset, TimeSpan.FromHours(7));
        });
        var contact = expected[0];
        Assert.Contains(contact.Unit!.Name, first.Single(s => s.ChatId == $"c{contact.Id}").Text);

        // The same tick again (the job engine running a job twice, a second instance): nothing new.
        Assert.Equal(0, await w.TickAsync(w.CanTho, Local(2024, 3, 7, 16, 0)));

        // A unit that reports between two reminders gets no further one.
        await w.ReportAsync(week2, lateReporter.Id, ReportStatus.Submitted);
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 8, 0));
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 10, 30));
        var all = await w.OutboxAsync($"remind:{week2.Id}:");
        var lastOnes = all.Where(s => s.Text.Contains("NHẮC LẦN CUỐI")).ToList();
        Assert.Equal(expected.Count(c => c.UnitId != lateReporter.Id), lastOnes.Count);
        Assert.All(lastOnes, s => Assert.Contains("chỉ còn 30 phút", s.Text));
        Assert.All(contacts.Where(c => c.UnitId == lateReporter.Id), c => Assert.Single(all, s => s.ChatId == $"c{c.Id}"));
        Assert.Equal(expected.Count * 3 - contacts.Count(c => c.UnitId == lateReporter.Id) * 2, all.Count);
        Assert.Equal(all.Count, all.Select(s => s.DedupKey).Distinct().Count());
        Assert.DoesNotContain(all, s => s.ChatId.StartsWith('l'));
    }

    [Fact]
    public async Task Tan_Phu_week_1_reminders_come_on_Friday_and_Saturday_and_name_Saturday_04_3()
    {
        var w = _world;
        var week1 = w.Week(w.TanPhu, 1);
        var contacts = await w.ContactsAsync(w.TanPhu);
        // Friday 03/3 08:00 is the regular weekly slot, but week 1 is due on Saturday: nothing yet on Friday morning.
        await w.TickAsync(w.TanPhu, Local(2023, 3, 3, 8, 0));
        Assert.Empty(await w.OutboxAsync($"remind:{week1.Id}:"));
        await w.TickAsync(w.TanPhu, Local(2023, 3, 3, 16, 0));
        var reminders = await w.OutboxAsync($"remind:{week1.Id}:");
        Assert.Equal(contacts.Count, reminders.Count);
        Assert.All(reminders, s => Assert.Contains("Hạn chót 09g00 thứ Bảy 04/3", s.Text));
        // The host was down over Saturday 08:00: at 08:30 only the last, firmer reminder goes out, not both at once.
        await w.TickAsync(w.TanPhu, Local(2023, 3, 4, 8, 30));
        Assert.Equal(contacts.Count, (await w.OutboxAsync($"remind:{week1.Id}:")).Count(s => s.Text.Contains("NHẮC LẦN CUỐI")));
        Assert.Equal(contacts.Count * 2, (await w.OutboxAsync($"remind:{week1.Id}:")).Count);
        Assert.Empty(await w.OutboxAsync($"remind:{w.Week(w.TanPhu, 2).Id}:"));
    }

    [Fact]
    public async Task A_moved_deadline_moves_the_reminders()
    {
        var w = _world;
        var week2 = w.Week(w.CanTho, 2);
        await using (var db = w.Db())
            await db.Periods.Where(p => p.Id == week2.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DeadlineUtc, VietnamTime.ToUtc(Local(2024, 3, 9, 9, 0), SchedulingWorld.Zone)));

        await w.TickAsync(w.CanTho, Local(2024, 3, 7, 16, 0));
        Assert.Empty(await w.OutboxAsync($"remind:{week2.Id}:"));
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 16, 0));
        var reminders = await w.OutboxAsync($"remind:{week2.Id}:");
        Assert.Equal((await w.ContactsAsync(w.CanTho)).Count, reminders.Count);
        Assert.All(reminders, s => Assert.Contains("Hạn chót 09g00 thứ Bảy 09/3", s.Text));
    }

    [Fact]
    public async Task A_late_tick_sends_no_reminder_after_the_deadline_but_still_alerts_the_leaders_once_and_posts_the_status()
    {
        var w = _world;
        var week2 = w.Week(w.CanTho, 2);
        var contacts = await w.ContactsAsync(w.CanTho);
        var units = contacts.Select(c => c.Unit!).DistinctBy(u => u.Id).ToList();
        await w.ReportAsync(week2, units[0].Id, ReportStatus.Submitted);
        await w.ReportAsync(week2, units[1].Id, ReportStatus.NoActivity);

        // The host was down from Thursday to Friday 11:07: reminders are past use, the alert is not.
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 11, 7));
        Assert.Empty(await w.OutboxAsync($"remind:{week2.Id}:"));
        var alert = Assert.Single(await w.OutboxAsync($"deadline:{week2.Id}:"));
        Assert.StartsWith($"⏰ Còn {units.Count - 2}/{units.Count} đơn vị chưa báo cáo tuần 2 (hạn chót 11g00 thứ Sáu 08/3):", alert.Text);
        Assert.Contains(units[2].Cluster!, alert.Text);
        Assert.DoesNotContain(units[0].Name, alert.Text);
        Assert.StartsWith("l", alert.ChatId);

        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 11, 8));
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 12, 0));
        Assert.Single(await w.OutboxAsync($"deadline:{week2.Id}:"));
        // An hour after the deadline the leaders get the period's compiled summary (as /tonghop tuần 2 shows it).
        var post = Assert.Single(await w.OutboxAsync($"after:{week2.Id}:"));
        Assert.StartsWith("📊 TỔNG HỢP BÁO CÁO — TUẦN 2", post.Text);
        Assert.Contains($"Đơn vị đã báo cáo: 2/{units.Count}", post.Text);
        Assert.Contains("• Không có hoạt động: 1", post.Text);
        Assert.Contains($"CHƯA BÁO CÁO ({units.Count - 2})", post.Text);
        await w.TickAsync(w.CanTho, Local(2024, 3, 8, 12, 5));
        Assert.Single(await w.OutboxAsync($"after:{week2.Id}:"));
    }

    [Fact]
    public async Task A_fan_out_killed_midway_finishes_after_restart_and_every_contact_gets_the_reminder_exactly_once()
    {
        var w = _world;
        var week3 = w.Week(w.CanTho, 3);
        var contacts = await w.ContactsAsync(w.CanTho);
        await using (var crashing = w.Db(new CrashAfterOutboxInserts(10)))
            await Assert.ThrowsAsync<IOException>(() => w.TickAsync(w.CanTho, Local(2024, 3, 14, 16, 0), crashing));
        Assert.Equal(10, (await w.OutboxAsync($"remind:{week3.Id}:")).Count);

        // Restart: the trigger did not complete, so it runs again and adds only the rest.
        Assert.Equal(contacts.Count - 10, await w.TickAsync(w.CanTho, Local(2024, 3, 14, 16, 1)));
        Assert.Equal(0, await w.TickAsync(w.CanTho, Local(2024, 3, 14, 16, 2)));
        var sent = await w.OutboxAsync($"remind:{week3.Id}:");
        Assert.Equal(contacts.Select(c => $"c{c.Id}").Order(), sent.Select(s => s.ChatId).Order());
        await using var db = w.Db();
        Assert.True(await db.ScheduledRuns.AnyAsync(r => r.Key.StartsWith($"remind:{week3.Id}:")));
    }

    [Fact]
    public async Task Unreachable_chats_get_no_reminders_and_are_listed_for_the_admins()
    {
        var w = _world;
        var contacts = await w.ContactsAsync(w.CanTho);
        var blocked = contacts[0];
        await using (var db = w.Db())
            await db.ChatAccounts.Where(a => a.ContactId == blocked.Id).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.UnreachableSince, DateTimeOffset.UtcNow).SetProperty(a => a.UnreachableReason, "Forbidden: bot was blocked by the user"));
        await w.TickAsync(w.CanTho, Local(2024, 3, 7, 16, 0));
        var sent = await w.OutboxAsync($"remind:{w.Week(w.CanTho, 2).Id}:");
        Assert.Equal(contacts.Count - 1, sent.Count);
        Assert.DoesNotContain(sent, s => s.ChatId == $"c{blocked.Id}");

        await using var read = w.Db();
        var listed = Assert.Single(await UnreachableChats.ListAsync(read, w.CanTho.OrganisationId));
        Assert.Equal(blocked.Name, listed.ContactName);
        Assert.Equal(blocked.Unit!.Name, listed.UnitName);
        Assert.Empty(await UnreachableChats.ListAsync(read, w.TanPhu.OrganisationId));
    }

    [Fact]
    public async Task The_day_before_a_dated_activity_its_responsible_units_are_reminded()
    {
        var w = _world;
        await using var db = w.Db();
        var activity = await db.Activities.Include(a => a.ResponsibleUnits).ThenInclude(u => u.Contacts)
            .FirstAsync(a => a.CampaignId == w.CanTho.Id && a.TimeKind == ActivityTimeKind.Day && a.ResponsibleUnits.Count > 0);
        var day = activity.FirstDate!.Value;
        await w.TickAsync(w.CanTho, day.AddDays(-1).ToDateTime(new TimeOnly(16, 0)));
        var sent = await w.OutboxAsync($"activity:{activity.Id}:");
        Assert.Equal(activity.ResponsibleUnits.SelectMany(u => u.Contacts).Select(c => $"c{c.Id}").Order(), sent.Select(s => s.ChatId).Order());
        Assert.All(sent, s => Assert.Contains($"ngày mai", s.Text));
        Assert.All(sent, s => Assert.Contains(VietnamTime.FormatDate(day), s.Text));
    }

    [Fact]
    public async Task A_closed_campaign_sends_nothing_and_has_no_pending_triggers()
    {
        var w = _world;
        await using var db = w.Db();
        var sends = new ScheduledSends(db, TimeProvider.System);
        var march = VietnamTime.ToUtc(Local(2024, 3, 1, 0, 0), SchedulingWorld.Zone);
        Assert.Contains(await sends.PendingAsync(march), t => t.CampaignId == w.CanTho.Id);

        await db.Campaigns.Where(c => c.Id == w.CanTho.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CampaignStatus.Closed));
        Assert.Equal(0, await w.TickAsync(w.CanTho, Local(2024, 3, 7, 16, 0)));
        Assert.DoesNotContain(await sends.PendingAsync(march), t => t.CampaignId == w.CanTho.Id);
    }
}
