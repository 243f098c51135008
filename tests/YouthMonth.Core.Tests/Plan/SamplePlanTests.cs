using System.Text.Json;
using System.Text.RegularExpressions;
using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

/// <summary>
/// The shipped sample plans (samples/*.json) load with the document format's own options and say what the
/// seeds say: the number of targets, the reporting deadlines, and a self-consistent set of units and codes.
/// </summary>
public sealed partial class SamplePlanTests
{
    public const string CanTho = "cantho-2024.json";
    public const string TanPhu = "tanphu-2023.json";

    public static TheoryData<string> Files => new() { CanTho, TanPhu };

    [Fact]
    public void Can_Tho_has_the_eight_targets_of_the_plan_numbered_1_to_8()
    {
        var plan = Load(CanTho);
        Assert.Equal(Enumerable.Range(1, 8), plan.Campaign.Targets.Select(t => t.Number));
        Assert.Equal("Đoàn Khối cơ quan Dân Chính Đảng TP Cần Thơ", plan.Organisation.Name);
        Assert.Equal(new DateOnly(2024, 2, 23), plan.Campaign.IssuedOn);
        Assert.Equal(CampaignStatus.Active, plan.Campaign.Status);
    }

    [Fact]
    public void Tan_Phu_has_the_ten_targets_of_the_plan_numbered_1_to_10()
    {
        var plan = Load(TanPhu);
        Assert.Equal(Enumerable.Range(1, 10), plan.Campaign.Targets.Select(t => t.Number));
        Assert.Equal("Quận Đoàn Tân Phú", plan.Organisation.Name);
        Assert.Equal(new DateOnly(2023, 2, 26), plan.Campaign.StartDate);
        Assert.Equal(new DateOnly(2023, 3, 31), plan.Campaign.EndDate);
    }

    [Fact]
    public void Can_Tho_weekly_reports_are_due_at_11_on_the_five_Fridays_of_March_2024()
    {
        var weekly = Load(CanTho).Campaign.Periods.Where(p => p.Kind == PeriodKind.Weekly).OrderBy(p => p.Number).ToList();

        DateTime[] expected =
        [
            new(2024, 3, 1, 11, 0, 0), new(2024, 3, 8, 11, 0, 0), new(2024, 3, 15, 11, 0, 0),
            new(2024, 3, 22, 11, 0, 0), new(2024, 3, 29, 11, 0, 0),
        ];
        Assert.Equal(expected, weekly.Select(p => p.Deadline));
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, weekly.Select(p => p.Number ?? 0));
        Assert.All(weekly, p =>
        {
            Assert.Equal(DayOfWeek.Friday, p.Deadline.DayOfWeek);
            // The week is the seven days ending on the Friday the report is due.
            Assert.Equal(DateOnly.FromDateTime(p.Deadline), p.WindowEnd);
            Assert.Equal(p.WindowEnd.AddDays(-6), p.WindowStart);
        });
        // Weeks follow each other without gaps or overlaps.
        for (var i = 1; i < weekly.Count; i++) Assert.Equal(weekly[i - 1].WindowEnd.AddDays(1), weekly[i].WindowStart);
    }

    [Fact]
    public void Can_Tho_final_report_with_nominations_is_due_at_11_on_26_March_2024()
    {
        var final = Assert.Single(Load(CanTho).Campaign.Periods, p => p.Kind == PeriodKind.Final);
        Assert.Equal(new DateTime(2024, 3, 26, 11, 0, 0), final.Deadline);
        Assert.Null(final.Number);
    }

    [Fact]
    public void Tan_Phu_kick_off_report_is_due_at_14_on_Sunday_26_February_2023()
    {
        var kickOff = Assert.Single(Load(TanPhu).Campaign.Periods, p => p.Kind == PeriodKind.KickOff);
        Assert.Equal(new DateTime(2023, 2, 26, 14, 0, 0), kickOff.Deadline);
        Assert.Equal(DayOfWeek.Sunday, kickOff.Deadline.DayOfWeek);
        Assert.Equal(new DateOnly(2023, 2, 26), kickOff.WindowStart);
        Assert.Equal(new DateOnly(2023, 2, 26), kickOff.WindowEnd);
    }

    [Fact]
    public void Tan_Phu_week_1_is_due_Saturday_4_March_and_weeks_2_to_5_on_Fridays_at_09()
    {
        var weekly = Load(TanPhu).Campaign.Periods.Where(p => p.Kind == PeriodKind.Weekly).OrderBy(p => p.Number).ToList();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, weekly.Select(p => p.Number ?? 0));

        var week1 = weekly[0];
        Assert.Equal(new DateTime(2023, 3, 4, 9, 0, 0), week1.Deadline);
        Assert.Equal(DayOfWeek.Saturday, week1.Deadline.DayOfWeek);
        Assert.Equal(new DateOnly(2023, 2, 26), week1.WindowStart);
        Assert.Equal(new DateOnly(2023, 3, 3), week1.WindowEnd);

        DateTime[] fridays =
        [
            new(2023, 3, 10, 9, 0, 0), new(2023, 3, 17, 9, 0, 0), new(2023, 3, 24, 9, 0, 0), new(2023, 3, 31, 9, 0, 0),
        ];
        Assert.Equal(fridays, weekly.Skip(1).Select(p => p.Deadline));
        Assert.All(weekly.Skip(1), p =>
        {
            Assert.Equal(DayOfWeek.Friday, p.Deadline.DayOfWeek);
            // A report week runs from Saturday to the end of Friday.
            Assert.Equal(DayOfWeek.Saturday, p.WindowStart.DayOfWeek);
            Assert.Equal(DateOnly.FromDateTime(p.Deadline), p.WindowEnd);
            Assert.Equal(p.WindowStart.AddDays(6), p.WindowEnd);
        });
        for (var i = 1; i < weekly.Count; i++) Assert.Equal(weekly[i - 1].WindowEnd.AddDays(1), weekly[i].WindowStart);
    }

    [Fact]
    public void Tan_Phu_final_and_numeric_reports_are_due_on_19_March_2023_before_the_month_ends()
    {
        var plan = Load(TanPhu);
        var finals = plan.Campaign.Periods.Where(p => p.Kind == PeriodKind.Final).ToList();
        Assert.Equal(2, finals.Count);
        Assert.All(finals, p =>
        {
            Assert.Equal(new DateOnly(2023, 3, 19), DateOnly.FromDateTime(p.Deadline));
            Assert.True(DateOnly.FromDateTime(p.Deadline) < plan.Campaign.EndDate);
        });
        Assert.Contains(finals, p => p.Label == "Báo cáo số liệu trực tuyến");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_responsible_unit_of_an_activity_is_a_unit_of_the_plan(string file)
    {
        var plan = Load(file);
        var names = plan.Units.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var responsible = plan.Campaign.Activities.SelectMany(a => a.ResponsibleUnits).ToList();
        Assert.NotEmpty(responsible);
        Assert.All(responsible, name => Assert.Contains(name, names));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_target_metric_is_a_metric_of_the_campaign_and_rules_have_what_they_need(string file)
    {
        var campaign = Load(file).Campaign;
        var codes = campaign.Metrics.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(campaign.Metrics.Count, codes.Count);
        Assert.Contains(campaign.Targets, t => t.Rule != TargetRule.None);
        Assert.All(campaign.Targets, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text));
            if (t.MetricCode is not null) Assert.Contains(t.MetricCode, codes);
            switch (t.Rule)
            {
                case TargetRule.None:
                    Assert.Null(t.MetricCode);
                    break;
                case TargetRule.UnitCoverage:
                    Assert.Equal(100m, t.Goal);
                    break;
                case TargetRule.YearlyQuotaShare:
                    Assert.NotNull(t.MetricCode);
                    Assert.True(t.YearlyQuota > 0);
                    Assert.InRange(t.Goal ?? 0, 1m, 100m);
                    break;
                case TargetRule.MetricTotal or TargetRule.PerUnitMinimum:
                    Assert.NotNull(t.MetricCode);
                    Assert.True(t.Goal > 0);
                    break;
            }
        });
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_category_code_is_known_and_the_default_metrics_are_present(string file)
    {
        var campaign = Load(file).Campaign;
        var codes = campaign.Activities.Select(a => a.Category)
            .Concat(campaign.Targets.Select(t => t.Category).OfType<string>())
            .Concat(campaign.Metrics.SelectMany(m => m.Categories));
        Assert.All(codes, code => Assert.True(ActivityCategories.IsKnown(code), $"unknown category '{code}'"));

        foreach (var d in MetricCatalog.Defaults())
        {
            var m = Assert.Single(campaign.Metrics, m => m.Code == d.Code);
            Assert.Equal(d.Label, m.Label);
            Assert.Equal(d.Unit, m.Unit);
            Assert.Equal(d.Kind, m.Kind);
            Assert.Equal(d.Categories, m.Categories);
            Assert.Equal(d.Max, m.Max);
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Activity_dates_agree_with_how_the_time_was_written(string file)
    {
        var campaign = Load(file).Campaign;
        Assert.All(campaign.Activities, a =>
        {
            Assert.True(ActivityCategories.IsKnown(a.Category));
            switch (a.TimeKind)
            {
                case ActivityTimeKind.Day or ActivityTimeKind.Before:
                    Assert.Single(a.Dates);
                    break;
                case ActivityTimeKind.Days:
                    Assert.True(a.Dates.Count > 1);
                    Assert.Equal(a.Dates.Order(), a.Dates);
                    break;
                case ActivityTimeKind.Month:
                    Assert.Equal(2, a.Dates.Count);
                    Assert.Equal(1, a.Dates[0].Day);
                    Assert.Equal(a.Dates[0].AddMonths(1).AddDays(-1), a.Dates[1]);
                    break;
                case ActivityTimeKind.Unspecified:
                    Assert.Empty(a.Dates);
                    break;
            }
        });
    }

    [Fact]
    public void Can_Tho_schedule_keeps_the_plan_s_wording_of_times()
    {
        var activities = Load(CanTho).Campaign.Activities;
        var course = Assert.Single(activities, a => a.TimeText == "19,20-22/3/2024");
        Assert.Equal(ActivityTimeKind.Days, course.TimeKind);
        Assert.Equal(new DateOnly[] { new(2024, 3, 19), new(2024, 3, 20), new(2024, 3, 21), new(2024, 3, 22) }, course.Dates);
        Assert.True(activities.Count >= 15);
    }

    [Fact]
    public void Tan_Phu_kick_off_ceremony_is_at_07_30_on_26_February()
    {
        var launch = Assert.Single(Load(TanPhu).Campaign.Activities, a => a.TimeText == "07g30 ngày 26/2/2023 (Chủ nhật)");
        Assert.Equal(new TimeOnly(7, 30), launch.TimeOfDay);
        Assert.Equal(new[] { new DateOnly(2023, 2, 26) }, launch.Dates);
        Assert.Equal(ActivityLevel.Organiser, launch.Level);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Contacts_are_fictitious_with_0900000xxx_phone_numbers(string file)
    {
        var plan = Load(file);
        var contacts = plan.Units.SelectMany(u => u.Contacts).ToList();
        Assert.NotEmpty(contacts);
        Assert.All(plan.Units, u => Assert.InRange(u.Contacts.Count, 1, 2));
        Assert.All(contacts, c => Assert.Matches(FictitiousPhone(), c.Phone ?? ""));
        Assert.Equal(contacts.Count, contacts.Select(c => c.Phone).Distinct().Count());

        // No phone-like digit run anywhere in the file except the fictitious ones (e.g. copied from a seed).
        var text = File.ReadAllText(PathOf(file));
        foreach (Match m in AnyPhone().Matches(text))
            Assert.Matches(FictitiousPhone(), m.Value.Replace(".", "").Replace(" ", ""));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Unit_names_are_unique_and_the_plan_has_a_leader_chat(string file)
    {
        var plan = Load(file);
        Assert.True(plan.Units.Count >= 10, $"only {plan.Units.Count} units");
        var duplicates = plan.Units.GroupBy(u => u.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
        Assert.All(plan.Units, u => Assert.False(string.IsNullOrWhiteSpace(u.Cluster)));
        Assert.NotEmpty(plan.LeaderChats);
        Assert.Equal(new[] { "-1d@16:00", "0d@08:00", "-30m" }, plan.Campaign.Reminders.Offsets);
        Assert.All(plan.Campaign.Reminders.Offsets, o => Assert.True(ReminderOffset.TryParse(o, out _), o));
        Assert.True(VietnamTime.IsKnownZone(plan.Organisation.TimeZone));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Periods_have_windows_in_order_and_deadlines_after_the_window_starts(string file)
    {
        var periods = Load(file).Campaign.Periods;
        Assert.All(periods, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Label));
            Assert.True(p.WindowStart <= p.WindowEnd);
            Assert.True(DateOnly.FromDateTime(p.Deadline) >= p.WindowStart);
            Assert.Equal(DateTimeKind.Unspecified, p.Deadline.Kind);
        });
    }

    private static PlanDocument Load(string file)
    {
        var json = File.ReadAllText(PathOf(file));
        var plan = JsonSerializer.Deserialize<PlanDocument>(json, PlanDocument.JsonOptions);
        Assert.NotNull(plan);
        return plan;
    }

    private static string PathOf(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "YouthMonth.sln")))
                return Path.Combine(dir.FullName, "samples", file);
        }
        throw new InvalidOperationException($"YouthMonth.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^0900000\d{3}$")]
    private static partial Regex FictitiousPhone();

    /// <summary>Vietnamese mobile/landline numbers as people write them: 0912.34.56.78, 0912 345 678, 0912345678 (shapes only).</summary>
    [GeneratedRegex(@"(?<![\d.])0\d{2,3}(?:[. ]?\d){6,7}(?![\d])")]
    private static partial Regex AnyPhone();
}
