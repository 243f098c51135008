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

public sealed class PeriodQuestionsTests
{
    [Fact]
    public void Final_periods_say_what_they_ask_and_Tan_Phu_s_online_numbers_ask_no_nominations()
    {
        var tanPhu = SampleFiles.Load("tanphu-2023.json").Campaign.Periods.Where(p => p.Kind == PeriodKind.Final).ToList();
        var online = Assert.Single(tanPhu, p => p.Label == "Báo cáo số liệu trực tuyến").Questions!;
        Assert.False(online.AsksNominations);
        Assert.False(online.Assessment);
        Assert.True(online.AsksNumbers);
        var written = Assert.Single(tanPhu, p => p.Label != "Báo cáo số liệu trực tuyến").Questions!;
        Assert.True(written.Assessment);
        Assert.True(written.AsksNominations);
        Assert.False(written.AsksNumbers);

        var canTho = Assert.Single(SampleFiles.Load("cantho-2024.json").Campaign.Periods, p => p.Kind == PeriodKind.Final).Questions!;
        Assert.Equal([Reporting.NominationKind.Collective, Reporting.NominationKind.Individual], canTho.NominationKinds);
        Assert.Equal(1, canTho.NominationsPerKind);
        Assert.True(canTho.Asks(NominationField.UnitOrPosition));
        Assert.Null(PeriodQuestions.DefaultFor(PeriodKind.Weekly));
    }

    [Fact]
    public void Bad_questions_are_named_by_their_path()
    {
        var doc = SampleFiles.Load("cantho-2024.json");
        var periods = doc.Campaign.Periods.ToList();
        var final = periods.FindIndex(p => p.Kind == PeriodKind.Final);
        periods[0] = periods[0] with { Questions = new PeriodQuestions { Assessment = true } };
        periods[final] = periods[final] with
        {
            Questions = new PeriodQuestions { NominationsPerKind = 11, Metrics = ["trees", "khong_co"] },
        };
        var errors = PlanValidator.Validate(doc with { Campaign = doc.Campaign with { Periods = periods } }).ToDictionary();
        Assert.Contains("campaign.periods[0].questions", errors.Keys);
        Assert.Contains($"campaign.periods[{final}].questions.nominationsPerKind", errors.Keys);
        Assert.Contains($"campaign.periods[{final}].questions.nominationKinds", errors.Keys);
        Assert.Contains($"campaign.periods[{final}].questions.metrics[1]", errors.Keys);
        Assert.DoesNotContain($"campaign.periods[{final}].questions.metrics[0]", errors.Keys);
    }

    [Fact]
    public void A_preparation_deadline_within_the_lead_days_before_the_campaign_is_accepted()
    {
        // Seed 002: units send their plans by 17:00 24/02 for a month starting 26/02.
        var start = new DateOnly(2023, 2, 26);
        var end = new DateOnly(2023, 3, 31);
        var errors = new FieldErrors();
        PlanRules.Period(errors, "p", new DateOnly(2023, 2, 20), new DateOnly(2023, 2, 24), new DateTime(2023, 2, 24, 17, 0, 0), start, end, leadDays: 7);
        Assert.False(errors.Any);
        PlanRules.Period(errors, "q", new DateOnly(2023, 2, 20), new DateOnly(2023, 2, 24), new DateTime(2023, 2, 24, 17, 0, 0), start, end, leadDays: 1);
        Assert.True(errors.Has("q.deadline"));
        Assert.True(errors.Has("q.windowStart"));
        PlanRules.CampaignDates(errors, "c", start, end, leadDays: 61);
        Assert.True(errors.Has("c.leadDays"));
    }

    [Fact]
    public void A_letterhead_with_empty_lines_is_refused()
    {
        var doc = SampleFiles.Load("cantho-2024.json");
        var bad = doc with { Organisation = doc.Organisation with { Letterhead = new Letterhead { HeaderLines = ["THÀNH ĐOÀN", " "] } } };
        Assert.Contains("organisation.letterhead.headerLines[1]", PlanValidator.Validate(bad).ToDictionary().Keys);
    }
}
