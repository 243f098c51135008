using YouthMonth.Core.Text;

namespace YouthMonth.Core.Plan;

/// <summary>
/// Checks a whole <see cref="PlanDocument"/> before anything is written, naming each bad field by its path in the
/// document ("campaign.periods[2].deadline", "units[4].name"). An empty result means the importer may run.
/// </summary>
public static class PlanValidator
{
    public static FieldErrors Validate(PlanDocument doc)
    {
        var errors = new FieldErrors();
        if (doc.FormatVersion != 1) errors.Add("formatVersion", "Chỉ hỗ trợ formatVersion 1.");
        if (NullEntries(errors, doc)) return errors;

        PlanRules.RequiredText(errors, "organisation.name", doc.Organisation.Name);
        PlanRules.RequiredText(errors, "organisation.place", doc.Organisation.Place, 100);
        PlanRules.OptionalText(errors, "organisation.parentName", doc.Organisation.ParentName, 300);
        PlanRules.TimeZone(errors, "organisation.timeZone", doc.Organisation.TimeZone);
        Letterhead.Validate(errors, "organisation.letterhead", doc.Organisation.Letterhead);

        var unitNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < doc.Units.Count; i++)
        {
            var u = doc.Units[i];
            var name = PlanRules.RequiredText(errors, $"units[{i}].name", u.Name);
            if (name is not null && !unitNames.Add(UnitKey(name)))
                errors.Add($"units[{i}].name", $"Tên đơn vị \"{name}\" bị trùng.");
            if (u.MemberCount < 0) errors.Add($"units[{i}].memberCount", "Số đoàn viên không được âm.");
            PlanRules.OptionalText(errors, $"units[{i}].cluster", u.Cluster, 100);
            for (var j = 0; j < u.Contacts.Count; j++)
            {
                PlanRules.RequiredText(errors, $"units[{i}].contacts[{j}].name", u.Contacts[j].Name, 200);
                PlanRules.OptionalText(errors, $"units[{i}].contacts[{j}].phone", u.Contacts[j].Phone, 32);
                PlanRules.OptionalText(errors, $"units[{i}].contacts[{j}].role", u.Contacts[j].Role, 100);
            }
        }
        for (var i = 0; i < doc.LeaderChats.Count; i++)
            PlanRules.RequiredText(errors, $"leaderChats[{i}].name", doc.LeaderChats[i].Name, 200);

        var c = doc.Campaign;
        PlanRules.RequiredText(errors, "campaign.name", c.Name);
        PlanRules.OptionalText(errors, "campaign.theme", c.Theme, 1000);
        PlanRules.OptionalText(errors, "campaign.planNumber", c.PlanNumber, 100);
        PlanRules.CampaignDates(errors, "campaign", c.StartDate, c.EndDate, c.LeadDays);
        PlanRules.Reminders(errors, "campaign", c.Reminders);

        for (var i = 0; i < c.Periods.Count; i++)
        {
            var p = c.Periods[i];
            PlanRules.RequiredText(errors, $"campaign.periods[{i}].label", p.Label, 200);
            PlanRules.Period(errors, $"campaign.periods[{i}]", p.WindowStart, p.WindowEnd, p.Deadline, c.StartDate, c.EndDate, c.LeadDays);
            if (p.Kind == PeriodKind.Weekly && p.Number is not > 0)
                errors.Add($"campaign.periods[{i}].number", "Kỳ báo cáo tuần cần số tuần (1, 2, …).");
        }
        PlanRules.PeriodClashes(errors, [.. c.Periods.Select((p, i) => new PlanRules.PeriodSlot(
            $"campaign.periods[{i}]", p.Kind, VietnameseText.Clean(p.Label), p.WindowStart, p.WindowEnd))]);

        var metricCodes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < c.Metrics.Count; i++)
        {
            var m = c.Metrics[i];
            PlanRules.MetricCode(errors, $"campaign.metrics[{i}].code", m.Code);
            if (m.Code is not null && !metricCodes.Add(m.Code))
                errors.Add($"campaign.metrics[{i}].code", $"Mã chỉ số \"{m.Code}\" bị trùng.");
            PlanRules.RequiredText(errors, $"campaign.metrics[{i}].label", m.Label, 200);
            PlanRules.RequiredText(errors, $"campaign.metrics[{i}].unit", m.Unit, 50);
            for (var j = 0; j < m.Categories.Count; j++)
                PlanRules.Category(errors, $"campaign.metrics[{i}].categories[{j}]", m.Categories[j], required: true);
            for (var j = 0; j < m.Aliases.Count; j++)
                PlanRules.RequiredText(errors, $"campaign.metrics[{i}].aliases[{j}]", m.Aliases[j], 100);
            PlanRules.MetricMax(errors, $"campaign.metrics[{i}].max", m.Max);
        }

        for (var i = 0; i < c.Periods.Count; i++)
        {
            PeriodQuestions.Validate(errors, $"campaign.periods[{i}].questions", c.Periods[i].Kind, c.Periods[i].Questions, metricCodes);
            PlanRules.PhotosRequired(errors, $"campaign.periods[{i}].photosRequired", c.Periods[i].Kind, c.Periods[i].PhotosRequired);
        }

        var numbers = new HashSet<int>();
        for (var i = 0; i < c.Targets.Count; i++)
        {
            var t = c.Targets[i];
            if (!numbers.Add(t.Number)) errors.Add($"campaign.targets[{i}].number", $"Chỉ tiêu số {t.Number} bị trùng.");
            PlanRules.RequiredText(errors, $"campaign.targets[{i}].text", t.Text, 2000);
            PlanRules.Target(errors, $"campaign.targets[{i}]", t.Rule, t.MetricCode, t.Category, t.Goal, t.YearlyQuota, metricCodes);
        }

        for (var i = 0; i < c.Activities.Count; i++)
        {
            var a = c.Activities[i];
            PlanRules.RequiredText(errors, $"campaign.activities[{i}].title", a.Title, 1000);
            PlanRules.OptionalText(errors, $"campaign.activities[{i}].timeText", a.TimeText, 200);
            PlanRules.OptionalText(errors, $"campaign.activities[{i}].place", a.Place, 500);
            PlanRules.Category(errors, $"campaign.activities[{i}].category", a.Category, required: true);
            for (var j = 0; j < a.Metrics.Count; j++)
                PlanRules.ActivityMetric(errors, $"campaign.activities[{i}].metrics[{j}]", a.Metrics[j], metricCodes);
            for (var j = 0; j < a.ResponsibleUnits.Count; j++)
                if (!unitNames.Contains(UnitKey(a.ResponsibleUnits[j] ?? "")))
                    errors.Add($"campaign.activities[{i}].responsibleUnits[{j}]",
                        $"Đơn vị \"{a.ResponsibleUnits[j]}\" không có trong danh sách đơn vị (units).");
        }
        return errors;
    }

    /// <summary>
    /// JSON can still put null inside a list ("units": [null]) or null for a list in a nested object; the rest of
    /// the checks and the importer assume neither, so these are reported first.
    /// </summary>
    private static bool NullEntries(FieldErrors errors, PlanDocument doc)
    {
        void Check<T>(string field, IReadOnlyList<T?>? list) where T : class
        {
            if (list is null) { errors.Add(field, "Không được để null; dùng [] nếu không có."); return; }
            for (var i = 0; i < list.Count; i++)
                if (list[i] is null) errors.Add($"{field}[{i}]", "Không được để null.");
        }
        if (doc.Organisation is null) errors.Add("organisation", "Không được để trống.");
        if (doc.Campaign is null) { errors.Add("campaign", "Không được để trống."); return true; }
        Check("units", doc.Units);
        Check("leaderChats", doc.LeaderChats);
        for (var i = 0; i < (doc.Units?.Count ?? 0); i++)
            if (doc.Units![i] is { } u) Check($"units[{i}].contacts", u.Contacts);
        var c = doc.Campaign;
        Check("campaign.periods", c.Periods);
        Check("campaign.metrics", c.Metrics);
        Check("campaign.targets", c.Targets);
        Check("campaign.activities", c.Activities);
        if (c.Reminders is null) errors.Add("campaign.reminders", "Không được để null.");
        else Check("campaign.reminders.offsets", c.Reminders.Offsets);
        for (var i = 0; i < (c.Metrics?.Count ?? 0); i++)
            if (c.Metrics![i] is { } m) { Check($"campaign.metrics[{i}].categories", m.Categories); Check($"campaign.metrics[{i}].aliases", m.Aliases); }
        for (var i = 0; i < (c.Activities?.Count ?? 0); i++)
            if (c.Activities![i] is { } a) { Check($"campaign.activities[{i}].responsibleUnits", a.ResponsibleUnits); Check($"campaign.activities[{i}].metrics", a.Metrics); if (a.Dates is null) errors.Add($"campaign.activities[{i}].dates", "Không được để null."); }
        return errors.Any;
    }

    /// <summary>Unit names are unique per organisation regardless of case and Unicode form.</summary>
    public static string UnitKey(string name) => (VietnameseText.Clean(name) ?? "").ToLowerInvariant();
}
