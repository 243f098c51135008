using YouthMonth.Core.Plan;

namespace YouthMonth.Core.Tests.Plan;

public sealed class PlanValidatorTests
{
    [Theory]
    [InlineData("cantho-2024.json")]
    [InlineData("tanphu-2023.json")]
    public void The_samples_are_valid(string file)
    {
        var errors = PlanValidator.Validate(SampleFiles.Load(file));
        Assert.Empty(errors.ToDictionary());
    }

    [Fact]
    public void Each_bad_field_is_named_by_its_path_in_the_document()
    {
        var doc = SampleFiles.Load("tanphu-2023.json");
        var c = doc.Campaign;
        var periods = c.Periods.ToList();
        periods[2] = periods[2] with { Deadline = new DateTime(2023, 4, 20, 9, 0, 0) };
        var units = doc.Units.ToList();
        units.Add(units[0] with { Name = units[0].Name.ToUpperInvariant(), Contacts = [] });
        var activities = c.Activities.ToList();
        activities[1] = activities[1] with { ResponsibleUnits = ["Đoàn phường Không Có"], Category = "the_thao" };
        var targets = c.Targets.ToList();
        targets[0] = targets[0] with { Rule = TargetRule.MetricTotal, MetricCode = "no_such_metric", Goal = 5 };
        var bad = doc with
        {
            Organisation = doc.Organisation with { TimeZone = "Asia/Saigon_City" },
            Units = units,
            Campaign = c with
            {
                EndDate = c.StartDate.AddDays(-1),
                Periods = periods, Activities = activities, Targets = targets,
                Reminders = new ReminderPolicy { Offsets = ["-1d@16:00", "hôm trước"] },
            },
        };

        var errors = PlanValidator.Validate(bad).ToDictionary();

        Assert.Contains("organisation.timeZone", errors.Keys);
        Assert.Contains($"units[{units.Count - 1}].name", errors.Keys);
        Assert.Contains("campaign.endDate", errors.Keys);
        Assert.Contains("campaign.periods[2].deadline", errors.Keys);
        Assert.Contains("campaign.activities[1].responsibleUnits[0]", errors.Keys);
        Assert.Contains("campaign.activities[1].category", errors.Keys);
        Assert.Contains("campaign.targets[0].metricCode", errors.Keys);
        Assert.Contains("campaign.reminders.offsets[1]", errors.Keys);
        Assert.DoesNotContain("campaign.reminders.offsets[0]", errors.Keys);
    }

    [Fact]
    public void A_deadline_a_few_days_after_the_month_is_allowed_but_not_weeks_after()
    {
        var errors = new FieldErrors();
        var start = new DateOnly(2024, 3, 1);
        var end = new DateOnly(2024, 3, 31);
        PlanRules.Period(errors, "p", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), new DateTime(2024, 4, 5, 11, 0, 0), start, end);
        Assert.False(errors.Any);
        PlanRules.Period(errors, "q", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), new DateTime(2024, 4, 8, 11, 0, 0), start, end);
        Assert.True(errors.Has("q.deadline"));
        PlanRules.Period(errors, "r", new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), new DateTime(2024, 2, 29, 11, 0, 0), start, end);
        Assert.True(errors.Has("r.deadline"));
    }
}
