using YouthMonth.Core.Plan;
using YouthMonth.Core.Scheduling;
using YouthMonth.Core.Tests.Plan;

namespace YouthMonth.Core.Tests.Scheduling;

/// <summary>The triggers derived from the sample plans, in local time (pure: no database, no clock).</summary>
public sealed class PlanTriggersTests
{
    private static readonly TimeZoneInfo Zone = VietnamTime.Zone();

    private static Campaign FromSample(string file)
    {
        var doc = SampleFiles.Load(file);
        var zone = VietnamTime.Zone(doc.Organisation.TimeZone);
        var units = doc.Units.Select((u, i) => new Unit { Id = i + 1, Name = u.Name, Cluster = u.Cluster }).ToList();
        return new Campaign
        {
            Id = 1, Name = doc.Campaign.Name, Status = doc.Campaign.Status, Reminders = doc.Campaign.Reminders,
            Periods = [.. doc.Campaign.Periods.Select((p, i) => new ReportingPeriod
            {
                Id = i + 1, Kind = p.Kind, Number = p.Number, Label = p.Label, WindowStart = p.WindowStart, WindowEnd = p.WindowEnd,
                DeadlineUtc = VietnamTime.ToUtc(p.Deadline, zone),
            })],
            Activities = [.. doc.Campaign.Activities.Select((a, i) => new Activity
            {
                Id = i + 1, Title = a.Title, TimeKind = a.TimeKind, Dates = a.Dates, TimeOfDay = a.TimeOfDay,
                ResponsibleUnits = [.. units.Where(u => a.ResponsibleUnits.Contains(u.Name))],
            })],
        };
    }

    private static List<string> LocalTimes(IEnumerable<PlanTrigger> triggers) =>
        [.. triggers.Select(t => VietnamTime.ToLocal(t.FireAtUtc, Zone).ToString("dd/MM HH:mm", System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void Can_Tho_week_2_reminds_the_day_before_at_16_on_the_morning_and_30_minutes_before_Friday_11()
    {
        var campaign = FromSample("cantho-2024.json");
        var week2 = campaign.Periods.Single(p => p.Number == 2);
        var triggers = PlanTriggers.For(campaign, Zone).Where(t => t.PeriodId == week2.Id).ToList();

        var reminders = triggers.Where(t => t.Kind == PlanTriggerKind.Reminder).ToList();
        Assert.Equal(["07/03 16:00", "08/03 08:00", "08/03 10:30"], LocalTimes(reminders));
        Assert.Equal([false, false, true], reminders.Select(r => r.IsLastReminder));
        Assert.All(reminders, r => Assert.Equal(week2.DeadlineUtc, r.UsefulUntilUtc));
        Assert.Equal(["08/03 11:00"], LocalTimes(triggers.Where(t => t.Kind == PlanTriggerKind.DeadlineAlert)));
        Assert.Equal(["08/03 12:00"], LocalTimes(triggers.Where(t => t.Kind == PlanTriggerKind.PostDeadline)));
    }

    [Fact]
    public void Tan_Phu_week_1_is_due_Saturday_04_3_at_09_and_its_reminders_follow()
    {
        var campaign = FromSample("tanphu-2023.json");
        var week1 = campaign.Periods.Single(p => p.Number == 1);
        Assert.Equal(DayOfWeek.Saturday, VietnamTime.ToLocal(week1.DeadlineUtc, Zone).DayOfWeek);
        var reminders = PlanTriggers.For(campaign, Zone).Where(t => t.PeriodId == week1.Id && t.Kind == PlanTriggerKind.Reminder);
        Assert.Equal(["03/03 16:00", "04/03 08:00", "04/03 08:30"], LocalTimes(reminders));

        var week2 = campaign.Periods.Single(p => p.Number == 2);
        Assert.Equal(["09/03 16:00", "10/03 08:00", "10/03 08:30"],
            LocalTimes(PlanTriggers.For(campaign, Zone).Where(t => t.PeriodId == week2.Id && t.Kind == PlanTriggerKind.Reminder)));
    }

    [Fact]
    public void A_moved_deadline_moves_its_reminders_under_new_keys_and_a_deleted_period_has_none()
    {
        var campaign = FromSample("cantho-2024.json");
        var week2 = campaign.Periods.Single(p => p.Number == 2);
        var before = PlanTriggers.For(campaign, Zone).Where(t => t.PeriodId == week2.Id).Select(t => t.Key).ToList();

        week2.DeadlineUtc = VietnamTime.ToUtc(new DateTime(2024, 3, 9, 9, 0, 0), Zone);
        var after = PlanTriggers.For(campaign, Zone).Where(t => t.PeriodId == week2.Id).ToList();
        Assert.Equal(["08/03 16:00", "09/03 08:00", "09/03 08:30"], LocalTimes(after.Where(t => t.Kind == PlanTriggerKind.Reminder)));
        Assert.Empty(after.Select(t => t.Key).Intersect(before));

        campaign.Periods.Remove(week2);
        Assert.DoesNotContain(PlanTriggers.For(campaign, Zone), t => t.PeriodId == week2.Id);
    }

    [Fact]
    public void A_closed_campaign_has_no_triggers_and_the_policy_switches_are_honoured()
    {
        var campaign = FromSample("cantho-2024.json");
        campaign.Reminders = new ReminderPolicy { Offsets = ["-2h"], NotifyLeadersAtDeadline = false, PostSummaryAfterDeadline = false, RemindActivitiesDayBefore = false };
        Assert.All(PlanTriggers.For(campaign, Zone), t => Assert.Equal(PlanTriggerKind.Reminder, t.Kind));
        Assert.Equal(campaign.Periods.Count, PlanTriggers.For(campaign, Zone).Count);
        campaign.Status = CampaignStatus.Closed;
        Assert.Empty(PlanTriggers.For(campaign, Zone));
    }

    [Fact]
    public void A_dated_activity_reminds_its_units_at_16_the_day_before()
    {
        var campaign = FromSample("cantho-2024.json");
        var triggers = PlanTriggers.For(campaign, Zone).Where(t => t.Kind == PlanTriggerKind.ActivityReminder).ToList();
        Assert.NotEmpty(triggers);
        foreach (var t in triggers)
        {
            var activity = campaign.Activities.Single(a => a.Id == t.ActivityId);
            Assert.NotEmpty(activity.ResponsibleUnits);
            Assert.Equal(activity.FirstDate!.Value.AddDays(-1).ToDateTime(new TimeOnly(16, 0)), VietnamTime.ToLocal(t.FireAtUtc, Zone));
        }
    }

    [Fact]
    public void Texts_name_the_period_and_the_exact_deadline_and_the_last_one_is_firmer()
    {
        var campaign = FromSample("cantho-2024.json");
        var week2 = campaign.Periods.Single(p => p.Number == 2);
        var unit = new Unit { Name = "Chi đoàn cơ sở Thử" };
        var deadline = VietnamTime.ToLocal(week2.DeadlineUtc, Zone);
        var first = SchedulingTexts.Reminder(campaign, week2, unit, deadline, TimeSpan.FromHours(19), last: false);
        Assert.Contains("Hạn chót 11g00 thứ Sáu 08/3", first);
        Assert.Contains("Tuần 2 (02/3–08/3)", first);
        // The reminder says what to type, and names the dialog's own "no activity" choice word for word.
        Assert.Contains("Gõ /baocao", first);
        Assert.Contains($"\"{Core.Dialogs.Reports.ReportTexts.NoActivity}\"", first);
        var last = SchedulingTexts.Reminder(campaign, week2, unit, deadline, TimeSpan.FromMinutes(30), last: true);
        Assert.Contains("NHẮC LẦN CUỐI", last);
        Assert.Contains("chỉ còn 30 phút", last);

        var missing = SchedulingTexts.MissingUnits(week2, deadline,
            [new Unit { Name = "B", Cluster = "Cụm 2" }, new Unit { Name = "A", Cluster = "Cụm 1" }, new Unit { Name = "C" }], 51);
        Assert.StartsWith("⏰ Còn 3/51 đơn vị chưa báo cáo tuần 2 (hạn chót 11g00 thứ Sáu 08/3):", missing);
        Assert.True(missing.IndexOf("Cụm 1 (1):\n- A", StringComparison.Ordinal) < missing.IndexOf("Cụm 2 (1):\n- B", StringComparison.Ordinal));
        Assert.Contains("Chưa xếp cụm (1):\n- C", missing);
    }
}
