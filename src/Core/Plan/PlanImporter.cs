using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Text;

namespace YouthMonth.Core.Plan;

/// <summary>
/// Writes a <see cref="PlanDocument"/> into the database: the organisation (found by name or created), its units
/// (matched by name), leader chats and a new campaign. The caller owns the transaction, so a failed import
/// writes nothing. Validation of the document is the caller's job (see the admin API).
/// </summary>
public static class PlanImporter
{
    public static async Task<Campaign> ImportAsync(YouthMonthDb db, PlanDocument doc, CancellationToken ct = default)
    {
        var org = await db.Organisations.AsSplitQuery().Include(o => o.Units).ThenInclude(u => u.Contacts).Include(o => o.LeaderChats)
            .FirstOrDefaultAsync(o => o.Name == doc.Organisation.Name, ct);
        if (org is null)
        {
            org = new Organisation { Name = doc.Organisation.Name, Place = doc.Organisation.Place };
            db.Organisations.Add(org);
        }
        org.ParentName = doc.Organisation.ParentName;
        org.Place = doc.Organisation.Place;
        org.TimeZoneId = doc.Organisation.TimeZone;
        org.Letterhead = doc.Organisation.Letterhead ?? new Letterhead();
        var zone = VietnamTime.Zone(org.TimeZoneId);

        Unit? FindUnit(string name) => org.Units.FirstOrDefault(x => PlanValidator.UnitKey(x.Name) == PlanValidator.UnitKey(name));
        foreach (var u in doc.Units)
        {
            var unit = FindUnit(u.Name);
            if (unit is null)
            {
                unit = new Unit { Name = VietnameseText.Clean(u.Name)! };
                org.Units.Add(unit);
            }
            unit.Kind = u.Kind;
            unit.Cluster = u.Cluster;
            unit.MemberCount = u.MemberCount;
            unit.Active = u.Active;
            foreach (var contact in u.Contacts.Where(k => !unit.Contacts.Any(x => x.Name == k.Name && x.Phone == k.Phone)))
                unit.Contacts.Add(new Contact { Name = contact.Name, Phone = contact.Phone, Role = contact.Role, Active = contact.Active });
        }
        foreach (var l in doc.LeaderChats.Where(l => !org.LeaderChats.Any(x => x.Name == l.Name)))
            org.LeaderChats.Add(new LeaderChat { Name = l.Name, Active = l.Active });

        // Units are saved before the campaign so they get ids in document order (one SaveChanges may reorder
        // inserts around the activity–unit links), which keeps export → import → export stable.
        await db.SaveChangesAsync(ct);

        var c = doc.Campaign;
        var campaign = new Campaign
        {
            Organisation = org,
            Name = c.Name,
            Theme = c.Theme,
            PlanNumber = c.PlanNumber,
            IssuedOn = c.IssuedOn,
            StartDate = c.StartDate,
            EndDate = c.EndDate,
            LeadDays = c.LeadDays,
            Status = c.Status,
            Reminders = new ReminderPolicy
            {
                Offsets = [.. c.Reminders.Offsets],
                NotifyLeadersAtDeadline = c.Reminders.NotifyLeadersAtDeadline,
                PostSummaryAfterDeadline = c.Reminders.PostSummaryAfterDeadline,
                RemindActivitiesDayBefore = c.Reminders.RemindActivitiesDayBefore,
            },
            Periods = [.. c.Periods.Select(p => new ReportingPeriod
            {
                Kind = p.Kind, Number = p.Number, Label = p.Label, WindowStart = p.WindowStart, WindowEnd = p.WindowEnd,
                DeadlineUtc = VietnamTime.ToUtc(p.Deadline, zone), Questions = p.Questions, PhotosRequired = p.PhotosRequired,
            })],
            Metrics = [.. c.Metrics.Select((m, i) => new Metric
            {
                Code = m.Code, Label = m.Label, Unit = m.Unit, Kind = m.Kind, Categories = [.. m.Categories],
                Aliases = [.. m.Aliases.Select(x => VietnameseText.Clean(x)!)], Max = m.Max, SortOrder = i + 1,
            })],
            Targets = [.. c.Targets.Select(t => new Target
            {
                Number = t.Number, Text = t.Text, Rule = t.Rule, MetricCode = t.MetricCode, Category = t.Category,
                Goal = t.Goal, YearlyQuota = t.YearlyQuota,
            })],
            Activities = [.. c.Activities.Select(a => WithParsedTime(a, c.StartDate.Year)).Select((a, i) => new Activity
            {
                Title = a.Title, TimeText = a.TimeText, TimeKind = a.TimeKind, Dates = [.. a.Dates], TimeOfDay = a.TimeOfDay,
                Place = a.Place, Level = a.Level, Category = a.Category, MetricCodes = [.. a.Metrics.Distinct()], SortOrder = i + 1,
                ResponsibleUnits = [.. a.ResponsibleUnits.Select(name => FindUnit(name)!).Distinct()],
            })],
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>A row given only as text ("19,20-22/3/2024") gets its parsed form, as when created through the API.</summary>
    private static ActivityDocument WithParsedTime(ActivityDocument a, int campaignYear)
    {
        if (a.TimeKind != ActivityTimeKind.Unspecified || a.Dates.Count > 0 || a.TimeText is null) return a;
        var parsed = ActivityTimeParser.Parse(a.TimeText, campaignYear);
        return a with { TimeKind = parsed.Kind, Dates = [.. parsed.Dates], TimeOfDay = a.TimeOfDay ?? parsed.TimeOfDay };
    }
}
